// Maps offsets in a decoded message string back to offsets in the original file text.
//
// A source map is a list of segments, each a run of message characters [msgStart, msgEnd)
// that came from file characters [fileStart, fileEnd). When both runs have the same length
// the mapping inside is linear (plain text); otherwise (an escape such as `\n` or `\u00e9`,
// a folded line break) interior offsets map to the segment start.

export interface Segment {
  msgStart: number;
  msgEnd: number;
  fileStart: number;
  fileEnd: number;
}

export class SourceMap {
  readonly segments: Segment[];

  constructor(segments: Segment[]) {
    this.segments = segments;
  }

  /** A message that is a verbatim slice of the file starting at `fileStart`. */
  static identity(fileStart: number, length: number): SourceMap {
    return new SourceMap([{ msgStart: 0, msgEnd: length, fileStart, fileEnd: fileStart + length }]);
  }

  /**
   * File offset for a message offset. `bias: 'end'` is used for span ends: an offset that
   * sits on a segment boundary maps to the end of the previous segment, so a span never
   * grows over the escape or indentation that follows it.
   */
  toFile(offset: number, bias: 'start' | 'end' = 'start'): number {
    const segments = this.segments;
    if (segments.length === 0) return 0;
    let lo = 0;
    let hi = segments.length - 1;
    // Find the last segment whose msgStart <= offset (or < offset for end bias).
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      const start = segments[mid].msgStart;
      if (bias === 'end' ? start < offset : start <= offset) lo = mid;
      else hi = mid - 1;
    }
    const seg = segments[lo];
    if (offset <= seg.msgStart) return seg.fileStart;
    if (offset >= seg.msgEnd) return seg.fileEnd;
    const msgLength = seg.msgEnd - seg.msgStart;
    const fileLength = seg.fileEnd - seg.fileStart;
    if (msgLength === fileLength) return seg.fileStart + (offset - seg.msgStart);
    return bias === 'end' ? seg.fileEnd : seg.fileStart;
  }
}

/** Builds a source map while decoding a string character by character. */
export class SourceMapBuilder {
  private readonly segments: Segment[] = [];
  private msgOffset = 0;

  /** `length` message characters copied verbatim from the file at `fileStart`. */
  verbatim(fileStart: number, length: number): void {
    if (length <= 0) return;
    const last = this.segments[this.segments.length - 1];
    if (
      last &&
      last.msgEnd === this.msgOffset &&
      last.fileEnd === fileStart &&
      last.msgEnd - last.msgStart === last.fileEnd - last.fileStart
    ) {
      last.msgEnd += length;
      last.fileEnd += length;
    } else {
      this.segments.push({ msgStart: this.msgOffset, msgEnd: this.msgOffset + length, fileStart, fileEnd: fileStart + length });
    }
    this.msgOffset += length;
  }

  /** `msgLength` message characters produced by the file range [fileStart, fileEnd). */
  replaced(fileStart: number, fileEnd: number, msgLength: number): void {
    this.segments.push({ msgStart: this.msgOffset, msgEnd: this.msgOffset + msgLength, fileStart, fileEnd });
    this.msgOffset += msgLength;
  }

  get length(): number {
    return this.msgOffset;
  }

  build(): SourceMap {
    return new SourceMap(this.segments);
  }
}
