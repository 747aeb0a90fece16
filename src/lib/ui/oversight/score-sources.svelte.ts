// What the supervision page and the 通报 both load to score townships: the programme (compounds, townships), the
// programme records and the supervision records — the staff ones once someone is signed in. Made during a component's
// initialisation (it registers the component's mount, destroy and effect).
import { onDestroy, onMount } from 'svelte';
import { Programme } from '../../state/programme.svelte';
import { ProgrammeRecords } from '../../state/programme-records.svelte';
import { Oversight } from '../../state/oversight.svelte';
import { session } from '../../state/session.svelte';
import { townshipScores, type Weights } from '../../programme/supervision';
import { scoreInput } from './score-input';

export class ScoreSources {
  readonly programme = new Programme();
  readonly records = new ProgrammeRecords();
  readonly oversight = new Oversight();
  readonly ready = $derived(this.programme.loaded && this.records.loaded && this.oversight.loaded);

  constructor() {
    onMount(() => void this.programme.load());
    onDestroy(() => {
      void this.programme.dispose();
      this.records.dispose();
    });
    $effect(() => {
      if (session.user) {
        void this.records.load();
        void this.oversight.load();
      }
    });
  }

  /** Each township's score for `month` (YYYY-MM) with `weights` (default: the settings record's); [] until loaded. */
  scores(month: string, weights: Weights = this.oversight.data.settings.weights) {
    return this.ready ? townshipScores(scoreInput(month, this.programme, this.records, this.oversight.data, weights)) : [];
  }
}
