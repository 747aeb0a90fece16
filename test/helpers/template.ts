// Data-dir templates for test servers (scripts/lib/template.mjs): the real migrations applied, the test superuser made
// and (for `seeded`) the demo loaded — built once per set of inputs and copied for every test file instead of seeding
// per file; `npm start` copies the same seeded template into an empty data dir.
export { TEMPLATE_ADMIN as ADMIN, copyTemplate, templateDir, type TemplateKind } from '../../scripts/lib/template.mjs';
