/// <reference path="../pb_data/types.d.ts" />
// Uploads (#6 hardening): every file field accepts only images and PDF, at most 20 MB a file. Applied to every
// collection that exists when this runs (fresh databases migrate in file-name order, so earlier collections are covered).

const ALLOWED = ["image/jpeg", "image/png", "image/webp", "image/gif", "application/pdf"];
const MAX_BYTES = 20 * 1024 * 1024;

migrate((app) => {
  for (const c of app.findAllCollections()) {
    if (c.system) continue;
    let changed = false;
    for (const f of c.fields) {
      if (f.type() !== "file") continue;
      const mimes = (f.mimeTypes || []).filter((m) => ALLOWED.includes(m));
      if (mimes.length === 0 || mimes.length !== (f.mimeTypes || []).length) { f.mimeTypes = mimes.length ? mimes : ALLOWED; changed = true; }
      if (!f.maxSize || f.maxSize > MAX_BYTES) { f.maxSize = MAX_BYTES; changed = true; }
    }
    if (changed) app.save(c);
  }
}, (app) => {
  // Narrowing cannot be undone meaningfully (the previous values are not known); leaving the limits in place is safe.
});
