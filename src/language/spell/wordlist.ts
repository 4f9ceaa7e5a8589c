/**
 * Spelling from a plain list of word forms stored as a cspell trie (`TrieXv3`, used by
 * `@cspell/dict-fi-fi`): Finnish has no Hunspell dictionary in npm.
 *
 * The `.trie.gz` text is decoded once (about 0.3 s for Finnish's 2.7 million forms) into a
 * DAWG in typed arrays that the compiled cache stores; lookups walk it. cspell's
 * case/accent-folded copies of every word (the `~` branch) are dropped: case is handled the
 * Hunspell way instead. There is no morphology: a compound or inflected form that is not in
 * the list is unknown.
 */
import { Cap, capType, initCap, lowerCase } from './hunspell.js';
import { editCost, keyboardNeighbours } from './suggest.js';

/** The DAWG: node n's edges are start[n] .. start[n+1]-1. */
export interface WordGraph {
  start: Int32Array;
  chars: Uint16Array;
  targets: Int32Array;
  /** 1 when a word ends at the node */
  final: Uint8Array;
  words: number;
}

/** Decode cspell's TrieXv3 text format (see cspell-trie-lib's importV3) into a WordGraph. */
export function decodeTrieV3(text: string): WordGraph {
  const di = text.indexOf('__DATA__');
  if (di < 0 || !/^TrieXv3$/m.test(text.slice(0, di))) throw new Error('not a TrieXv3 file');
  const radix = parseInt(/base=(\d+)/.exec(text.slice(0, di))?.[1] ?? '10', 10);
  let pos = text.indexOf('\n', di) + 1;
  const len = text.length;
  const cap = len - pos + 2;
  // builder: nodes with linked edge lists; node 0 = root, node 1 = the shared end-of-word leaf
  const firstEdge = new Int32Array(cap).fill(-1);
  const flag = new Uint8Array(cap);
  const eChar = new Uint16Array(cap);
  const eTarget = new Int32Array(cap);
  const eNext = new Int32Array(cap);
  let nNodes = 2;
  let nEdges = 0;
  flag[1] = 1;
  // cspell's node numbering for references: every created node is pushed, leaves that become
  // the shared end node and nodes replaced by a reference are popped
  const ids = new Int32Array(cap);
  let top = 0;
  ids[top++] = 0;
  ids[top++] = 1;
  const stackEdge = new Int32Array(4096);
  const stackNode = new Int32Array(4096);
  let depth = 0;
  let cur = 0;
  const insert = (c: number) => {
    if (cur === 1) {
      // continuing a word from the shared end leaf: give it a node of its own
      const nn = nNodes++;
      flag[nn] = 1;
      eTarget[stackEdge[depth]] = nn;
      ids[top++] = nn;
      cur = nn;
    }
    let e = firstEdge[cur];
    while (e >= 0 && eChar[e] !== c) e = eNext[e];
    if (e < 0) {
      e = nEdges++;
      eChar[e] = c;
      eTarget[e] = -1;
      eNext[e] = firstEdge[cur];
      firstEdge[cur] = e;
    }
    let next = eTarget[e];
    if (next < 0) eTarget[e] = next = nNodes++;
    ids[top++] = next;
    depth++;
    stackNode[depth] = cur;
    stackEdge[depth] = e;
    cur = next;
  };
  const back = (n: number) => {
    if (n <= 0) return;
    depth -= n;
    cur = stackNode[depth + 1];
  };
  let backMode = false;
  while (pos < len) {
    const c = text.charCodeAt(pos++);
    if (backMode) {
      if (c === 60 /* < */) {
        back(1);
        continue;
      }
      if (c >= 50 && c <= 57 /* 2-9 */) {
        back(c - 49);
        continue;
      }
      backMode = false;
    }
    switch (c) {
      case 36 /* $ end of word */:
        if (firstEdge[cur] < 0) {
          eTarget[stackEdge[depth]] = 1;
          if (ids[top - 1] === cur) top--;
          cur = 1;
        } else flag[cur] = 1;
        back(1);
        backMode = true;
        break;
      case 60 /* < */:
        back(1);
        backMode = true;
        break;
      case 35 /* # reference */: {
        const end = text.indexOf(';', pos);
        const ref = parseInt(text.slice(pos, end), radix) + 1;
        pos = end + 1;
        eTarget[stackEdge[depth]] = ids[ref];
        top--;
        break;
      }
      case 10:
      case 13:
        break;
      case 92 /* \ escape */: {
        let ch = text[pos++];
        if (ch === '\\') {
          const n2 = text[pos++];
          ch = n2 === 'n' ? '\n' : n2 === 'r' ? '\r' : n2;
        }
        insert(ch.charCodeAt(0));
        break;
      }
      default:
        insert(c);
    }
  }
  // compact the reachable nodes (without the root's `~` branch) into arrays
  const newId = new Int32Array(nNodes).fill(-1);
  const order: number[] = [];
  const visit = [0];
  newId[0] = 0;
  order.push(0);
  while (visit.length) {
    const n = visit.pop()!;
    for (let e = firstEdge[n]; e >= 0; e = eNext[e]) {
      if (n === 0 && eChar[e] === 126 /* ~ */) continue;
      const t = eTarget[e];
      if (t >= 0 && newId[t] < 0) {
        newId[t] = order.length;
        order.push(t);
        visit.push(t);
      }
    }
  }
  const count = order.length;
  const start = new Int32Array(count + 1);
  const final = new Uint8Array(count);
  let edges = 0;
  for (let i = 0; i < count; i++) {
    const n = order[i];
    start[i] = edges;
    final[i] = flag[n];
    for (let e = firstEdge[n]; e >= 0; e = eNext[e]) if (!(n === 0 && eChar[e] === 126) && eTarget[e] >= 0) edges++;
  }
  start[count] = edges;
  const chars = new Uint16Array(edges);
  const targets = new Int32Array(edges);
  for (let i = 0; i < count; i++) {
    const n = order[i];
    // edges in ascending character order
    const list: Array<[number, number]> = [];
    for (let e = firstEdge[n]; e >= 0; e = eNext[e]) {
      if ((n === 0 && eChar[e] === 126) || eTarget[e] < 0) continue;
      list.push([eChar[e], newId[eTarget[e]]]);
    }
    list.sort((a, b) => a[0] - b[0]);
    let j = start[i];
    for (const [ch, t] of list) {
      chars[j] = ch;
      targets[j++] = t;
    }
  }
  const g: WordGraph = { start, chars, targets, final, words: 0 };
  g.words = countWords(g);
  return g;
}

function countWords(g: WordGraph): number {
  // number of paths to final nodes, by dynamic programming over the DAG
  const n = g.final.length;
  const memo = new Float64Array(n).fill(-1);
  const stack: number[] = [0];
  while (stack.length) {
    const v = stack[stack.length - 1];
    if (memo[v] >= 0) {
      stack.pop();
      continue;
    }
    let ready = true;
    let sum = g.final[v];
    for (let e = g.start[v]; e < g.start[v + 1]; e++) {
      const t = g.targets[e];
      if (memo[t] < 0) {
        ready = false;
        stack.push(t);
      } else sum += memo[t];
    }
    if (ready) {
      memo[v] = sum;
      stack.pop();
    }
  }
  return memo[0];
}

function child(g: WordGraph, node: number, c: number): number {
  let lo = g.start[node];
  let hi = g.start[node + 1] - 1;
  const chars = g.chars;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const m = chars[mid];
    if (m === c) return g.targets[mid];
    if (m < c) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

export function graphHas(g: WordGraph, word: string): boolean {
  let n = 0;
  for (let i = 0; i < word.length; i++) {
    n = child(g, n, word.charCodeAt(i));
    if (n < 0) return false;
  }
  return g.final[n] === 1;
}

const FINNISH_ALPHABET = Array.from('aitnselkourmäpyvhjdögbfcwzxqåéš-');

/** A Speller over a WordGraph, with Hunspell's capitalisation rules. */
export class WordListChecker {
  private readonly extra = new Set<string>();
  private readonly neighbours: Map<string, string>;

  constructor(
    readonly graph: WordGraph,
    lang: string,
  ) {
    this.neighbours = keyboardNeighbours(lang === 'fi' ? ['qwertyuiopå', 'asdfghjklöä', 'zxcvbnm'] : ['qwertyuiop', 'asdfghjkl', 'zxcvbnm']);
  }

  private has(w: string): boolean {
    return graphHas(this.graph, w) || (this.extra.size !== 0 && this.extra.has(w));
  }

  /** Hunspell's case rules: Word and WORD for word; WORD for Word; mixed case as is. */
  private hasCased(w: string): boolean {
    if (this.has(w)) return true;
    const ct = capType(w);
    if (ct === Cap.Init) return this.has(lowerCase(w));
    if (ct === Cap.All) {
      const low = lowerCase(w);
      return this.has(low) || this.has(initCap(low));
    }
    return false;
  }

  correct(word: string): boolean {
    let w = word.trim().replace(/\u2019/g, "'");
    if (w.indexOf('\u0301') >= 0 || /[\u0300-\u036f]/.test(w)) w = w.normalize('NFC');
    while (w.endsWith('.')) w = w.slice(0, -1);
    if (!w || /^\d+([.,-]\d+)*$/.test(w)) return true;
    if (this.hasCased(w)) return true;
    // like Hunspell's default BREAK: a hyphenated word is correct when its parts are
    const parts = w.split('-');
    if (parts.length > 1 && parts.length < 10 && parts.every((p) => p === '' || this.hasCased(p))) return parts[0] !== '' && parts[parts.length - 1] !== '';
    return false;
  }

  add(word: string): void {
    const w = word.trim().replace(/\u2019/g, "'");
    if (!w) return;
    this.extra.add(w);
    // Hunspell also accepts all-caps forms of mixed-case words (iPhone -> IPHONE)
    const ct = capType(w);
    if (ct === Cap.Huh || ct === Cap.HuhInit) this.extra.add(initCap(lowerCase(w)));
  }

  suggest(input: string, max = 5): string[] {
    if (max <= 0) return [];
    const curly = input.indexOf('\u2019') >= 0;
    const word = input.trim().replace(/\u2019/g, "'");
    if (!word) return [];
    const ct = capType(word);
    const base = ct === Cap.Huh || ct === Cap.HuhInit ? word : lowerCase(word);
    const found = new Map<string, number>();
    const consider = (cand: string) => {
      if (found.has(cand) || cand === base) return;
      if (this.has(cand)) found.set(cand, editCost(base, cand, word, this.neighbours));
      else {
        const ic = initCap(cand);
        if (ic !== cand && this.has(ic) && !found.has(ic)) found.set(ic, editCost(base, ic, word, this.neighbours));
      }
    };
    consider(initCap(base));
    // edit distance 1
    const n = base.length;
    for (let i = 0; i + 1 < n; i++) consider(base.slice(0, i) + base[i + 1] + base[i] + base.slice(i + 2));
    for (let i = 0; i < n; i++) consider(base.slice(0, i) + base.slice(i + 1));
    for (let i = 0; i < n; i++) for (const ch of FINNISH_ALPHABET) if (ch !== base[i]) consider(base.slice(0, i) + ch + base.slice(i + 1));
    for (let i = 0; i <= n; i++) for (const ch of FINNISH_ALPHABET) consider(base.slice(0, i) + ch + base.slice(i));
    for (let i = 1; i < n; i++) {
      const l = base.slice(0, i);
      const r = base.slice(i);
      if (l.length > 1 && r.length > 1 && this.has(l) && this.has(r)) found.set(`${l} ${r}`, editCost(base, `${l} ${r}`, word, this.neighbours));
    }
    // distance 2 by walking the graph (bounded Levenshtein) when distance 1 found little
    if (found.size < max) for (const w of this.walk(base, 2, 200)) if (!found.has(w)) found.set(w, editCost(base, w, word, this.neighbours));
    const ranked = [...found].sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1));
    const out: string[] = [];
    const seen = new Set<string>();
    for (const [w] of ranked) {
      // `paketti` and `Paketti` are one suggestion (the better ranked one)
      const folded = lowerCase(w);
      if (seen.has(folded)) continue;
      seen.add(folded);
      let s = w;
      if (ct === Cap.Init) s = initCap(s);
      else if (ct === Cap.All) s = s.toUpperCase();
      if (curly) s = s.replace(/'/g, '\u2019');
      if (s === input || out.includes(s)) continue;
      out.push(s);
      if (out.length >= max) break;
    }
    return out;
  }

  /** Words within `maxDist` plain edits of `word` (Levenshtein rows along the graph). */
  private walk(word: string, maxDist: number, limit: number): string[] {
    const g = this.graph;
    const m = word.length;
    const out: string[] = [];
    const first = new Int32Array(m + 1);
    for (let j = 0; j <= m; j++) first[j] = j;
    const chars: number[] = [];
    const rec = (node: number, prev: Int32Array) => {
      if (out.length >= limit) return;
      if (g.final[node] && prev[m] <= maxDist && chars.length) out.push(String.fromCharCode(...chars));
      for (let e = g.start[node]; e < g.start[node + 1]; e++) {
        const c = g.chars[e];
        const row = new Int32Array(m + 1);
        row[0] = prev[0] + 1;
        let best = row[0];
        for (let j = 1; j <= m; j++) {
          const cost = word.charCodeAt(j - 1) === c ? 0 : 1;
          row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
          if (row[j] < best) best = row[j];
        }
        if (best > maxDist) continue;
        chars.push(c);
        rec(g.targets[e], row);
        chars.pop();
      }
    };
    rec(0, first);
    return out;
  }
}
