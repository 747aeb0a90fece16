// What the planner map is doing: which side tab is open, which selection tool is active, whether a zone outline is
// being drawn or edited (then map clicks belong to the drawing tool), and which zone is in focus.
import type { SelectTool } from '../modes/select-gesture';
import type { ZoneRecord } from '../data/zones';

export type PlannerTab = 'layers' | 'selection' | 'zones' | 'sites';

export class PlannerState {
  tab = $state<PlannerTab>('layers');
  tool = $state<SelectTool>('click');
  drawing = $state(false);
  /** The saved zone whose outline is being edited, if any. */
  editing = $state.raw<ZoneRecord | null>(null);
  focusZone = $state<string | null>(null);
}
