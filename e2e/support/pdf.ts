import { inflateSync } from "node:zlib";

/**
 * Just enough of PDF to check what Chromium prints (page.pdf(), Skia's PDF writer): the number of pages
 * and the text, read through each font's ToUnicode map, as a person would copy it from the page. Not a
 * general PDF reader: no cross-reference streams, no encryption, no Type 3 fonts, which Skia never writes.
 */

type PdfObject = { dict: string; stream: Buffer | null };

function objects(pdf: Buffer): Map<string, PdfObject> {
  const source = pdf.toString("latin1");
  const found = new Map<string, PdfObject>();
  for (const match of source.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) {
    const body = match[2]!;
    const start = body.search(/stream\r?\n/);
    if (start < 0) {
      found.set(match[1]!, { dict: body, stream: null });
      continue;
    }
    const dataStart = start + (body.slice(start).startsWith("stream\r\n") ? 8 : 7);
    const data = Buffer.from(body.slice(dataStart, body.lastIndexOf("endstream")), "latin1");
    const dict = body.slice(0, start);
    found.set(match[1]!, { dict, stream: /\/FlateDecode/.test(dict) ? inflateSync(data) : data });
  }
  return found;
}

const isPage = (object: PdfObject) => /\/Type\s*\/Page(?![a-z])/.test(object.dict);

export function pdfPageCount(pdf: Buffer): number {
  return [...objects(pdf).values()].filter(isPage).length;
}

const ref = (dict: string, key: string) => new RegExp(`/${key}\\s+(\\d+) 0 R`).exec(dict)?.[1];

function hexText(hex: string): string {
  const units: number[] = [];
  for (let index = 0; index + 4 <= hex.length; index += 4)
    units.push(parseInt(hex.slice(index, index + 4), 16));
  return String.fromCharCode(...units);
}

/** A font's ToUnicode CMap: the glyph code (as hex) to its text, and the code's length in hex digits. */
function toUnicode(cmap: string): { map: Map<string, string>; width: number } {
  const map = new Map<string, string>();
  let width = 4;
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const [, code, text] of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      map.set(code!.toUpperCase(), hexText(text!));
      width = code!.length;
    }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
    for (const [, low, high, target, list] of block[1]!.matchAll(
      /<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(?:<([0-9A-Fa-f]+)>|\[([^\]]*)\])/g,
    )) {
      width = low!.length;
      const from = parseInt(low!, 16);
      const targets = list ? [...list.matchAll(/<([0-9A-Fa-f]+)>/g)].map((hit) => hexText(hit[1]!)) : null;
      for (let code = from; code <= parseInt(high!, 16); code++) {
        const key = code.toString(16).toUpperCase().padStart(low!.length, "0");
        const text = targets
          ? targets[code - from]
          : hexText((parseInt(target!, 16) + code - from).toString(16).padStart(target!.length, "0"));
        if (text !== undefined) map.set(key, text);
      }
    }
  return { map, width };
}

/** The text of every page, page after page; the runs of a line joined by spaces, lines by line breaks. */
export function pdfText(pdf: Buffer): string {
  const all = objects(pdf);
  const fonts = new Map<string, ReturnType<typeof toUnicode>>();
  const fontOf = (id: string) => {
    if (!fonts.has(id)) {
      const cmapId = ref(all.get(id)?.dict ?? "", "ToUnicode");
      const cmap = cmapId ? all.get(cmapId)?.stream?.toString("latin1") : undefined;
      fonts.set(id, cmap ? toUnicode(cmap) : { map: new Map(), width: 2 });
    }
    return fonts.get(id)!;
  };
  const pages: string[] = [];
  for (const page of [...all.values()].filter(isPage)) {
    const fontIds = new Map<string, string>();
    const fontDict = /\/Font\s*<<([\s\S]*?)>>/.exec(page.dict)?.[1] ?? "";
    for (const [, name, id] of fontDict.matchAll(/\/(\w+)\s+(\d+) 0 R/g)) fontIds.set(name!, id!);
    const contents = /\/Contents\s*(?:\[([^\]]*)\]|(\d+) 0 R)/.exec(page.dict);
    const streamIds = contents?.[1]
      ? [...contents[1].matchAll(/(\d+) 0 R/g)].map((hit) => hit[1]!)
      : [contents?.[2]];
    let text = "";
    let font = { map: new Map<string, string>(), width: 2 };
    const decode = (hex: string) => {
      const codes = hex.toUpperCase();
      for (let index = 0; index + font.width <= codes.length; index += font.width)
        text += font.map.get(codes.slice(index, index + font.width)) ?? "";
    };
    for (const id of streamIds) {
      const content = id ? (all.get(id)?.stream?.toString("latin1") ?? "") : "";
      // Skia places every glyph with Td and writes spaces as glyphs; a run in another font or script starts
      // with its own Tm. A line break is where a run starts lower down.
      let lineY: string | null = null;
      for (const token of content.matchAll(/\/(\w+)\s+[\d.]+\s+Tf|<([0-9A-Fa-f]*)>\s*Tj|([-\d.]+)\s+Tm/g)) {
        if (token[1]) font = fontOf(fontIds.get(token[1]) ?? "");
        else if (token[2] !== undefined) decode(token[2]);
        else if (token[3] !== lineY) {
          if (lineY !== null) text += "\n";
          lineY = token[3]!;
        }
      }
    }
    pages.push(text);
  }
  // Fonts share glyphs between CJK ideographs and their radicals (用 and ⽤): read the radicals as the
  // ideographs (only them: NFKC would also make full-width punctuation ASCII).
  return pages.join("\n\f\n").replace(/[\u2e80-\u2fdf\ufb00-\ufb06]/g, (glyph) => glyph.normalize("NFKC"));
}
