// The markdown side of parsing: markdown-it (a CommonMark parser, #2) turns the body into tokens,
// and this module groups their inline content into "blocks that may hold an entry":
// list items, paragraphs outside list items, and table rows.
import MarkdownIt, { type MarkdownIt as MarkdownItInstance, type Token } from "markdown-it";

export type Segment =
  | { type: "text"; text: string }
  | { type: "link"; url: string; text: string; line: number; bare: boolean; imageOnly: boolean };

export interface Block {
  /** Segments in reading order: text and links. */
  segments: Segment[];
}

export interface HeadingToken {
  level: number;
  text: string;
  line: number;
}

/** What the walk hands to the entry builder, in document order. */
export type Item = { type: "heading"; heading: HeadingToken } | { type: "block"; block: Block };

let parser: MarkdownItInstance | undefined;

function markdown(): MarkdownItInstance {
  if (parser) return parser;
  const md = new MarkdownIt("default", { html: true, linkify: true });
  // Keep every link as written: the safety check belongs to `open` (which refuses and says why),
  // not to the parser (which would silently turn `javascript:` links into text).
  md.validateLink = () => true;
  md.normalizeLink = (url) => url;
  md.normalizeLinkText = (url) => url;
  // Bare links: http(s) and www. only (see isWantedBareLink); no e-mail, ftp or "//".
  md.linkify.set({ fuzzyLink: true, fuzzyEmail: false, fuzzyIP: false });
  md.linkify.add("ftp:", null).add("mailto:", null).add("//", null);
  parser = md;
  return md;
}

/** linkify also finds "agent.rs" or "example.com" in prose; only http(s):// and www. count (#2). */
function isWantedBareLink(text: string): boolean {
  return /^(?:https?:\/\/|www\.)/i.test(text);
}

interface Container {
  type: "item" | "row" | "paragraph";
  block: Block;
  order: number;
}

/**
 * Walks the body's tokens. `lineOffset` is added to markdown-it's 0-based lines so that
 * lines are those of the whole file (front matter included), 1-based.
 */
export function walk(body: string, lineOffset: number): Item[] {
  const tokens = markdown().parse(body, {});
  const items: { item: Item; order: number; line: number }[] = [];
  const stack: Container[] = [];
  let order = 0;
  let heading: { level: number; line: number } | undefined;

  const innermost = (): Container | undefined => {
    for (let i = stack.length - 1; i >= 0; i--) {
      const c = stack[i]!;
      if (c.type !== "paragraph") return c;
    }
    return undefined;
  };
  const finish = (container: Container | undefined, line: number): void => {
    if (!container) return;
    const first = container.block.segments.find((s) => s.type === "link");
    if (first && first.type === "link") items.push({ item: { type: "block", block: container.block }, order: container.order, line: first.line || line });
  };

  for (const token of tokens) {
    const line = (token.map?.[0] ?? 0) + 1 + lineOffset;
    switch (token.type) {
      case "heading_open":
        heading = { level: Number(token.tag.slice(1)), line };
        break;
      case "heading_close":
        heading = undefined;
        break;
      case "list_item_open":
      case "tr_open":
        stack.push({ type: token.type === "tr_open" ? "row" : "item", block: { segments: [] }, order: order++ });
        break;
      case "list_item_close":
      case "tr_close":
        finish(stack.pop(), line);
        break;
      case "paragraph_open":
        // A paragraph inside a list item or a table belongs to it; elsewhere it stands alone.
        if (!innermost()) stack.push({ type: "paragraph", block: { segments: [] }, order: order++ });
        break;
      case "paragraph_close":
        if (stack.at(-1)?.type === "paragraph") finish(stack.pop(), line);
        break;
      case "inline": {
        if (heading) {
          items.push({ item: { type: "heading", heading: { level: heading.level, text: inlineText(token.children ?? []), line: heading.line } }, order: order++, line: heading.line });
          break;
        }
        const target = stack.at(-1)?.type === "paragraph" ? stack.at(-1) : innermost();
        if (!target) break;
        if (target.block.segments.length > 0) target.block.segments.push({ type: "text", text: " " });
        collect(token.children ?? [], line, target.block.segments);
        break;
      }
    }
  }
  // An outer list item ends after its nested items: put blocks back in the order their links appear.
  items.sort((a, b) => a.line - b.line || a.order - b.order);
  return items.map((x) => x.item);
}

/** Plain text of inline tokens (images and HTML left out), for headings. */
function inlineText(children: Token[]): string {
  let text = "";
  for (const child of children) {
    if (child.type === "text" || child.type === "code_inline") text += child.content;
    else if (child.type === "softbreak" || child.type === "hardbreak") text += " ";
  }
  return text;
}

/** Turns inline tokens into text and link segments; `line` is the line of the first token. */
function collect(children: Token[], line: number, out: Segment[]): void {
  let current = line;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    switch (child.type) {
      case "softbreak":
      case "hardbreak":
        current++;
        out.push({ type: "text", text: " " });
        break;
      case "text":
      case "code_inline":
        out.push({ type: "text", text: child.content });
        break;
      case "link_open": {
        // Gather the link's content up to its link_close (links do not nest in CommonMark).
        let text = "";
        let images = 0;
        let j = i + 1;
        for (; j < children.length && children[j]!.type !== "link_close"; j++) {
          const inner = children[j]!;
          if (inner.type === "text" || inner.type === "code_inline") text += inner.content;
          else if (inner.type === "softbreak" || inner.type === "hardbreak") text += " ";
          else if (inner.type === "image") images++;
        }
        const url = String(child.attrGet("href") ?? "");
        const auto = child.markup === "linkify" || child.markup === "autolink";
        if (child.markup === "linkify" && !isWantedBareLink(text)) {
          out.push({ type: "text", text });
        } else {
          out.push({ type: "link", url, text, line: current, bare: auto || text.trim() === url, imageOnly: images > 0 && text.trim() === "" });
        }
        i = j;
        break;
      }
      default:
        // Images, HTML and emphasis markers carry no text of their own.
        break;
    }
  }
}
