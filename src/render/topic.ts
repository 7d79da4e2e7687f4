// A topic of the reference (docs/topics/*.md) as plain text, for `icp-links help <topic>`: the
// markdown's marks taken off (headings underlined, code fences dropped and their lines indented,
// `code`, **bold** and links made plain), tables and lists kept as written.
export function topicText(markdown: string): string {
  const out: string[] = [];
  let fence = false;
  for (const line of markdown.split("\n")) {
    if (/^\s*```/.test(line)) {
      fence = !fence;
      continue;
    }
    if (fence) {
      out.push(line === "" ? "" : `    ${line}`);
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      const text = inline(heading[2]!);
      out.push(text, (heading[1]!.length === 1 ? "=" : "-").repeat(text.length));
      continue;
    }
    out.push(inline(line));
  }
  return `${out.join("\n").replace(/\n{3,}/g, "\n\n").replace(/^\n+/, "").trimEnd()}\n`;
}

function inline(text: string): string {
  return text
    .replace(/\[([^\]]+)\]\((?:\.\.\/|\.\/)?([^)\s]+)\)/g, (_, label: string, target: string) => (/^https?:/.test(target) ? `${label} (${target})` : label))
    .replace(/\*\*([^*]+)\*\*/g, "$1")
    .replace(/`([^`]+)`/g, "$1");
}
