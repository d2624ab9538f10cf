import { basename } from 'node:path';
import { crc32 } from 'node:zlib';
import yauzl from 'yauzl';
import { taxonomyErrors } from '../taxonomy.errors.js';

/** The files of a downloaded bundle, by base name, with their bytes still undecoded. */
export type Bundle = Map<string, Buffer>;

// The official ESCO bundles unpack to 16–26 MB; a language with many labels is a little larger.
// The limits stop a zip bomb without ever refusing a real download.
const MAX_ENTRY_BYTES = 200 * 1024 * 1024;
const MAX_TOTAL_BYTES = 600 * 1024 * 1024;

/**
 * Reads every file of a zip archive into memory, checking each file's CRC-32 (yauzl checks the
 * structure and sizes but not the checksum), so a truncated or damaged download is refused before
 * any row is written.
 */
export async function readZipBundle(path: string): Promise<Bundle> {
  const label = basename(path);
  const fail = (err: unknown) => taxonomyErrors.unreadableZip(label, err instanceof Error ? err.message : String(err));
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(path);
  } catch (err) {
    throw fail(err);
  }
  const files: Bundle = new Map();
  let total = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('error', reject);
      zip.on('end', () => resolve());
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName.endsWith('/')) return zip.readEntry();
        if (entry.uncompressedSize > MAX_ENTRY_BYTES || (total += entry.uncompressedSize) > MAX_TOTAL_BYTES) {
          return reject(new Error(`${entry.fileName} is too large once unpacked`));
        }
        readEntry(zip, entry)
          .then((bytes) => {
            files.set(basename(entry.fileName), bytes);
            zip.readEntry();
          })
          .catch(reject);
      });
      zip.readEntry();
    });
  } catch (err) {
    throw fail(err);
  } finally {
    zip.close();
  }
  return files;
}

function openZip(path: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: false, strictFileNames: false, validateEntrySizes: true }, (err, zip) =>
      err ? reject(err) : resolve(zip),
    );
  });
}

function readEntry(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err) return reject(err);
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', reject);
      stream.on('end', () => {
        const bytes = Buffer.concat(chunks);
        if (crc32(bytes) >>> 0 !== entry.crc32 >>> 0) reject(new Error(`${entry.fileName}: checksum mismatch`));
        else resolve(bytes);
      });
    });
  });
}
