// Parses uploaded files off the main thread (#7): large shapefiles and DXFs take seconds, and the wizard can cancel by
// terminating this worker. Posts progress per source, then the parsed layers (coordinates still in the file's CRS).
import { detectFormat, parseSource, toInputFiles, type InputFile } from '../../import';
import type { ParseRequest, ParseMessage } from './parse-client';

const post = (m: ParseMessage) => (self as unknown as Worker).postMessage(m);

self.onmessage = async (e: MessageEvent<ParseRequest>) => {
  const { files, dxfLayers } = e.data;
  try {
    post({ type: 'progress', done: 0, total: files.length + 1, label: 'detect' });
    const inputs: InputFile[] = await toInputFiles(files);
    const { sources, rejected } = await detectFormat(inputs);
    const total = sources.length + 1;
    const layers = [];
    for (let i = 0; i < sources.length; i++) {
      post({ type: 'progress', done: i + 1, total, label: sources[i].name });
      const options = dxfLayers?.[sources[i].name] ? { layers: dxfLayers[sources[i].name] } : {};
      layers.push(...(await parseSource(sources[i], options)));
    }
    post({ type: 'done', layers, rejected });
  } catch (err) {
    post({ type: 'error', message: err instanceof Error ? err.message : String(err) });
  }
};
