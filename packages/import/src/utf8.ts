import { ImportError } from './problems';

/** The reason given for a file that is not valid UTF-8. */
export const NOT_UTF8 = 'the file is not UTF-8 (save it as UTF-8)';

/**
 * Decodes a byte stream as strict UTF-8, chunk by chunk, without ever holding more than one
 * chunk. A character split across chunks is carried over (at most 3 bytes) to the next one, so
 * every piece handed to the decoder ends on a character boundary; the decoder is `fatal`, so a
 * byte that is not UTF-8 (Latin-1 `é`, Windows-1252 quotes) is an {@link ImportError} naming
 * its line, never a replacement character. A leading byte-order mark is kept: the CSV reader
 * strips it.
 */
export async function* decodeUtf8(source: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let carry: Uint8Array | null = null;
  let newlines = 0;
  for await (const chunk of source) {
    const bytes: Uint8Array = carry ? concat(carry, chunk) : chunk;
    const cut = completeLength(bytes);
    const complete = bytes.subarray(0, cut);
    carry = cut < bytes.length ? bytes.slice(cut) : null;
    if (complete.length === 0) continue;
    let text: string;
    try {
      text = decoder.decode(complete);
    } catch {
      const offset = firstInvalidOffset(complete);
      throw notUtf8(newlines + countLineFeeds(complete, offset) + 1);
    }
    newlines += countLineFeeds(complete, complete.length);
    yield text;
  }
  // The file ends in the middle of a multi-byte character.
  if (carry) throw notUtf8(newlines + 1);
}

function notUtf8(line: number): ImportError {
  return new ImportError([{ line, column: null, value: null, reason: NOT_UTF8 }]);
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a, 0);
  joined.set(b, a.length);
  return joined;
}

/** Length of a byte sequence needed after a lead byte, or 0 when it is not a lead byte. */
function sequenceLength(byte: number): number {
  if (byte < 0x80) return 1;
  if (byte >= 0xc2 && byte <= 0xdf) return 2;
  if (byte >= 0xe0 && byte <= 0xef) return 3;
  if (byte >= 0xf0 && byte <= 0xf4) return 4;
  return 0;
}

/**
 * How many leading bytes of `bytes` end on a character boundary: an incomplete multi-byte
 * sequence at the very end (at most 3 bytes) is left out, to be completed by the next chunk.
 */
function completeLength(bytes: Uint8Array): number {
  const end = bytes.length;
  for (let i = end - 1; i >= 0 && i >= end - 3; i--) {
    const byte = bytes[i] as number;
    if ((byte & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead
    const needed = sequenceLength(byte);
    return needed > end - i ? i : end;
  }
  return end;
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidOffset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] as number;
    const length = sequenceLength(lead);
    if (length === 0 || i + length > bytes.length) return i;
    if (length === 1) {
      i++;
      continue;
    }
    const second = bytes[i + 1] as number;
    let low = 0x80;
    let high = 0xbf;
    if (lead === 0xe0) low = 0xa0;
    else if (lead === 0xed) high = 0x9f;
    else if (lead === 0xf0) low = 0x90;
    else if (lead === 0xf4) high = 0x8f;
    if (second < low || second > high) return i;
    for (let k = 2; k < length; k++) {
      if (((bytes[i + k] as number) & 0xc0) !== 0x80) return i;
    }
    i += length;
  }
  return bytes.length;
}

function countLineFeeds(bytes: Uint8Array, end: number): number {
  let count = 0;
  let at = bytes.indexOf(0x0a);
  while (at !== -1 && at < end) {
    count++;
    at = bytes.indexOf(0x0a, at + 1);
  }
  return count;
}
