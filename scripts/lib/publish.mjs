// The static publication of the public map: the app bundle and the programme's public data as plain files that any
// static web server, object store or CDN serves, with no PocketBase behind them (src/lib/data/publication.ts switches
// the public views to these files). Incremental: a manifest of content hashes in the output folder says what is there;
// a run writes only the files whose content changed and removes the ones no longer published. Only what the public
// may read is published: it is read anonymously through the same public views the live public map uses.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import PocketBase from 'pocketbase';
import { cutStaticTiles, tileProperties } from './static-tiles.mjs';

const MANIFEST = '.publish-manifest.json';
const DATA = 'data/';

const sha = (buf) => crypto.createHash('sha256').update(buf).digest('hex');
const json = (v) => Buffer.from(JSON.stringify(v));

/** Every file of a folder, relative paths → absolute paths. */
function listFiles(dir, base = dir, out = new Map()) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) listFiles(p, base, out);
    else out.set(path.relative(base, p).split(path.sep).join('/'), p);
  }
  return out;
}

/** The app's index.html for the publication: the data path set before the app's own script runs. */
function publishedIndex(html) {
  const tag = `<script>window.FY_PUBLICATION={"dataPath":"/${DATA}"};</script>`;
  return Buffer.from(html.replace('<head>', `<head>\n    ${tag}`));
}

/** Groups records by their `compound` field. */
function byCompound(rows) {
  const m = new Map();
  for (const r of rows) {
    if (!m.has(r.compound)) m.set(r.compound, []);
    m.get(r.compound).push(r);
  }
  return m;
}

/** How many compounds changed since the last publish (pb_hooks/publish-queue.pb.js). */
export async function pendingChanges(url) {
  const res = await fetch(`${url}/api/fy/publish/pending`);
  if (!res.ok) throw new Error(`publish queue: ${res.status}`);
  return (await res.json()).pending;
}

/**
 * Publishes the public map of the instance at `url` (read anonymously) with the app in `distDir` into `outDir`.
 * When `admin` (the instance's superuser) is given, the compounds queued for publication (pb_hooks/publish-queue.pb.js)
 * up to the start of this run are cleared afterwards.
 * @param {{url: string, distDir: string, outDir: string, admin?: {email: string, password: string} | null,
 *   log?: (msg: string) => void}} opts
 * @returns {Promise<{written: string[], unchanged: number, removed: string[], compounds: number, publishedAt: string}>}
 */
export async function publish({ url, distDir, outDir, admin = null, log = () => {} }) {
  const startedAt = new Date().toISOString();
  const pb = new PocketBase(url);
  pb.autoCancellation(false);
  const files = new Map(); // relative path → Buffer
  const photos = []; // [relative path, source URL]

  // the app: its assets as built, its page at every address a reader may open directly
  const index = fs.readFileSync(path.join(distDir, 'index.html'), 'utf8');
  for (const [rel, abs] of listFiles(distDir)) if (rel !== 'index.html') files.set(rel, fs.readFileSync(abs));
  const page = publishedIndex(index);
  files.set('index.html', page);
  files.set('public/index.html', page);

  // the data: the same public views the live public map reads, six requests whatever the size
  const list = (name, sort) => pb.collection(name).getFullList({ batch: 5000, sort, requestKey: null });
  const compounds = await list('public_compounds', 'code');
  const [events, items, funding, feedback, boundaries] = await Promise.all([
    list('public_stage_events', 'date,created'), list('public_items', 'class,item'), list('public_funding_totals', ''),
    list('public_feedback', '-replied_at'), list('division_boundaries', 'code'),
  ]);
  files.set(`${DATA}boundaries.json`, json(boundaries));
  const ev = byCompound(events), it = byCompound(items), fu = byCompound(funding), fb = byCompound(feedback);
  files.set(`${DATA}compounds.json`, json(compounds));
  for (const c of compounds) {
    const code = encodeURIComponent(c.code);
    files.set(`${DATA}c/${code}.json`, json({
      compound: c, events: ev.get(c.id) ?? [], items: it.get(c.id) ?? [], funding: fu.get(c.id) ?? [], feedback: fb.get(c.id) ?? [],
    }));
    files.set(`public/c/${code}/index.html`, page);
  }
  // the compounds as static vector tiles (data/tiles/compounds/{z}/{x}/{y}.pbf and index.json): the public map draws
  // them instead of compounds.json's outlines above the tiling threshold; a change rewrites only the tiles it touches
  const cut = cutStaticTiles('compounds', compounds.map((c) => ({ geometry: c.geometry, properties: tileProperties('compounds', c) })));
  for (const [key, bytes] of cut.tiles) files.set(`${DATA}tiles/compounds/${key}.pbf`, bytes);
  files.set(`${DATA}tiles/compounds/index.json`, json(cut.index));
  if (cut.skipped) log(`⚠ ${cut.skipped} 个小区没有轮廓，未写入矢量瓦片 / compounds without an outline left out of the vector tiles`);
  for (const e of events) {
    for (const f of [...(e.photos_before ?? []), ...(e.photos_after ?? [])]) {
      photos.push([`${DATA}photos/${encodeURIComponent(e.id)}/${encodeURIComponent(f)}`, pb.files.getURL({ id: e.id, collectionName: 'stage_events' }, f)]);
    }
  }

  // write what changed
  fs.mkdirSync(outDir, { recursive: true });
  const manifestPath = path.join(outDir, MANIFEST);
  const before = fs.existsSync(manifestPath) ? JSON.parse(fs.readFileSync(manifestPath, 'utf8')) : { files: {} };
  const after = { files: {} };
  const written = [];
  let unchanged = 0;
  const put = (rel, buf, hash) => {
    after.files[rel] = hash;
    const abs = path.join(outDir, rel);
    if (before.files[rel] === hash && fs.existsSync(abs)) {
      unchanged++;
      return;
    }
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, buf);
    written.push(rel);
  };
  for (const [rel, buf] of files) put(rel, buf, sha(buf));
  // photos never change under a name (PocketBase gives every upload its own): fetched only when new
  for (const [rel, src] of photos) {
    if (before.files[rel] && fs.existsSync(path.join(outDir, rel))) {
      after.files[rel] = before.files[rel];
      unchanged++;
      continue;
    }
    const res = await fetch(src);
    if (!res.ok) throw new Error(`照片下载失败 / photo download failed: ${src} (${res.status})`);
    const buf = Buffer.from(await res.arrayBuffer());
    put(rel, buf, sha(buf));
  }
  // when it was published: the time of the last run that changed anything (a run that changes nothing rewrites nothing)
  const publishedAt = written.length || !before.publishedAt ? new Date().toISOString() : before.publishedAt;
  const meta = json({ publishedAt, compounds: compounds.length });
  put(`${DATA}published.json`, meta, sha(meta));
  const removed = Object.keys(before.files).filter((rel) => !(rel in after.files));
  for (const rel of removed) fs.rmSync(path.join(outDir, rel), { force: true });
  after.publishedAt = publishedAt;
  fs.writeFileSync(manifestPath, JSON.stringify(after, null, 1));
  if (admin) {
    const su = new PocketBase(url);
    await su.collection('_superusers').authWithPassword(admin.email, admin.password, { requestKey: null });
    await su.send('/api/fy/publish/done', { method: 'POST', body: { before: startedAt }, requestKey: null });
  }
  log(`发布完成 / published ${compounds.length} compounds: ${written.length} files written, ${unchanged} unchanged, ${removed.length} removed`);
  return { written, unchanged, removed, compounds: compounds.length, publishedAt };
}
