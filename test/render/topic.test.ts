// A topic's markdown as plain text (src/render/topic.ts).
import { expect, it } from "vitest";
import { topicText } from "../../src/render/topic";

it.each([
  ["# Title\n\nText.", "Title\n=====\n\nText.\n"],
  ["## Part", "Part\n----\n"],
  ["Use `--json` and **this**.", "Use --json and this.\n"],
  ["See [the query topic](../topics/query.md) and [gh](https://cli.github.com).", "See the query topic and gh (https://cli.github.com).\n"],
  ["```console\n$ icp-links list\n\nout\n```", "    $ icp-links list\n\n    out\n"],
  ["| a | b |\n| --- | --- |", "| a | b |\n| --- | --- |\n"],
])("%j", (markdown, text) => expect(topicText(markdown)).toBe(text));
