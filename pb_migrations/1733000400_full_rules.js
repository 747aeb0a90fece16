/// <reference path="../pb_data/types.d.ts" />
// Every API rule of the app, stated in full in one place. Earlier migrations built some rules by patching strings
// (e.g. 1732600400_relation_guards); from here on a rule is read, and changed, as a whole: a later migration that
// changes a collection's access states that collection's rules again in full. Nothing changes in behaviour here — the
// rules are the ones in force before this migration (test/integration/permissions.test.ts runs the full table).

const AUTH = "@request.auth.collectionName = 'users'";
const STAFF = `${AUTH} && @request.auth.role != '' && @request.auth.active = true`;
const OFFICE = `${AUTH} && @request.auth.role = 'office' && @request.auth.active = true`;
const TOWNSHIP = `${AUTH} && @request.auth.role = 'township' && @request.auth.active = true`;
const PLANNERS = `${AUTH} && @request.auth.active = true && (@request.auth.role = 'office' || @request.auth.role = 'planner')`;
const dept = (d) => `(${AUTH} && @request.auth.role = 'department' && @request.auth.department = '${d}' && @request.auth.active = true)`;
/** The compound's own township (for records linked to a compound). */
const OWN_COMPOUND = "@request.auth.township = compound.township";
const PUBLIC_READ = { listRule: "", viewRule: "", createRule: null, updateRule: null, deleteRule: null };
const staffRead = (writes) => ({ listRule: STAFF, viewRule: STAFF, ...writes });

// Items and funding: the office (and the finance bureau for money), planners for items, a township for its own compounds
// — which it may not re-point at another compound or a zone.
const itemWriters = (extra, pinned) => `${STAFF} && (@request.auth.role = 'office'${extra} || (@request.auth.role = 'township' && compound != '' && ${OWN_COMPOUND}${pinned ? " && @request.body.compound:isset = false && @request.body.zone:isset = false" : ""}))`;
const FINANCE = " || (@request.auth.role = 'department' && @request.auth.department = 'finance')";
const dutyWriters = (d) => `${OFFICE} || ${dept(d)}`;
const consultWriters = (pinned) => `${OFFICE} || ${dept("civil")} || (${TOWNSHIP} && ${OWN_COMPOUND}${pinned ? " && @request.body.compound:isset = false" : ""})`;
const FEEDBACK_READERS = `${OFFICE} || (${AUTH} && @request.auth.role = 'department' && @request.auth.active = true) || (${TOWNSHIP} && @request.auth.township = township)`;
const AUDIT_READERS = `${STAFF} && ((@request.auth.role = 'office' || (@request.auth.role = 'department' && @request.auth.department = 'audit')) || (collection != 'feedback' && collection != 'users'))`;
const PLAN_WRITERS = `${STAFF} && (@request.auth.role = 'office' || @request.auth.role = 'township')`;
const SELF_SAFE = "@request.body.role:isset = false && @request.body.township:isset = false && @request.body.department:isset = false && " +
  "@request.body.active:isset = false && @request.body.is_demo:isset = false && @request.body.email:isset = false && @request.body.verified:isset = false";

const RULES = {
  users: {
    listRule: STAFF, viewRule: STAFF, createRule: OFFICE, deleteRule: null, manageRule: OFFICE,
    updateRule: `${OFFICE} || (${STAFF} && id = @request.auth.id && ${SELF_SAFE})`,
  },
  townships: PUBLIC_READ,
  communities: PUBLIC_READ,
  compounds: {
    listRule: "", viewRule: "", createRule: OFFICE, deleteRule: OFFICE,
    updateRule: `${OFFICE} || (${TOWNSHIP} && @request.auth.township = township && (@request.body.township:isset = false || @request.body.township = @request.auth.township) && @request.body.community:isset = false && @request.body.code:isset = false && @request.body.is_demo:isset = false)`,
  },
  compound_private: staffRead({
    createRule: `${OFFICE} || (${TOWNSHIP} && ${OWN_COMPOUND})`,
    updateRule: `${OFFICE} || (${TOWNSHIP} && ${OWN_COMPOUND})`,
    deleteRule: OFFICE,
  }),
  compound_notes: staffRead({
    createRule: `${OFFICE} || (${STAFF} && @request.auth.role = 'township' && ${OWN_COMPOUND})`,
    updateRule: `${OFFICE} || (${TOWNSHIP} && ${OWN_COMPOUND} && @request.body.compound:isset = false)`,
    deleteRule: OFFICE,
  }),
  buildings: {
    listRule: "", viewRule: "", deleteRule: OFFICE,
    createRule: `${OFFICE} || (${STAFF} && @request.auth.role = 'township' && ${OWN_COMPOUND})`,
    updateRule: `${OFFICE} || (${TOWNSHIP} && ${OWN_COMPOUND} && @request.body.compound:isset = false)`,
  },
  context_features: {
    listRule: "", viewRule: "", deleteRule: OFFICE,
    createRule: `${OFFICE} || (${STAFF} && @request.auth.role = 'planner')`,
    updateRule: `${OFFICE} || (${STAFF} && @request.auth.role = 'planner')`,
  },
  design_zones: staffRead({ createRule: PLANNERS, updateRule: PLANNERS, deleteRule: PLANNERS }),
  facility_sites: staffRead({ createRule: PLANNERS, updateRule: PLANNERS, deleteRule: PLANNERS }),
  programme_settings: staffRead({ createRule: null, updateRule: OFFICE, deleteRule: null }),
  annual_plans: staffRead({
    createRule: STAFF, updateRule: STAFF,
    deleteRule: `(${PLAN_WRITERS}) && status = 'draft' && (@request.auth.role = 'office' || @request.auth.township = township)`,
  }),
  plan_entries: staffRead({ createRule: PLAN_WRITERS, updateRule: PLAN_WRITERS, deleteRule: PLAN_WRITERS }),
  stage_events: staffRead({ createRule: STAFF, updateRule: null, deleteRule: null }),
  renovation_items: staffRead({
    createRule: itemWriters(" || @request.auth.role = 'planner'", false),
    updateRule: itemWriters(" || @request.auth.role = 'planner'", true),
    deleteRule: itemWriters(" || @request.auth.role = 'planner'", false),
  }),
  funding: staffRead({ createRule: itemWriters(FINANCE, false), updateRule: itemWriters(FINANCE, true), deleteRule: itemWriters(FINANCE, false) }),
  approvals: staffRead({ createRule: dutyWriters("approval"), updateRule: dutyWriters("approval"), deleteRule: dutyWriters("approval") }),
  elevator_inspections: staffRead({ createRule: dutyWriters("market"), updateRule: dutyWriters("market"), deleteRule: dutyWriters("market") }),
  consultations: staffRead({ createRule: consultWriters(false), updateRule: consultWriters(true), deleteRule: consultWriters(false) }),
  feedback: {
    listRule: FEEDBACK_READERS, viewRule: FEEDBACK_READERS, createRule: "", deleteRule: OFFICE,
    updateRule: `${OFFICE} || (${TOWNSHIP} && @request.auth.township = township)`,
  },
  audit_log: { listRule: AUDIT_READERS, viewRule: AUDIT_READERS, createRule: null, updateRule: null, deleteRule: null },
  public_compounds: PUBLIC_READ,
  public_feedback: PUBLIC_READ,
  public_stage_events: PUBLIC_READ,
  public_items: PUBLIC_READ,
  public_funding_totals: PUBLIC_READ,
};

migrate((app) => {
  for (const [name, rules] of Object.entries(RULES)) {
    const c = app.findCollectionByNameOrId(name);
    for (const [key, rule] of Object.entries(rules)) {
      if (c.type === "view" && (key === "createRule" || key === "updateRule" || key === "deleteRule")) continue;
      c[key] = rule;
    }
    app.save(c);
  }
}, (app) => {
  // The rules stated above are the ones that were in force before: there is nothing to undo.
});
