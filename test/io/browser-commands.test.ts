// How $BROWSER is read into commands (src/io/opener.ts), without launching anything.
import { describe, expect, it } from "vitest";
import { browserCommands } from "../../src/io/opener";

describe("browserCommands ($BROWSER, as Python's webbrowser and xdg-utils read it)", () => {
  const URL_ = "https://x.example/?a=1&b=$(rm -rf /) c";
  it.each([
    ["firefox", [["firefox", URL_]]],
    ["firefox --new-tab", [["firefox", "--new-tab", URL_]]],
    // Several commands, tried in order (systemOpener).
    ["chromium:firefox", [["chromium", URL_], ["firefox", URL_]]],
    ["open -a Safari %s --background", [["open", "-a", "Safari", URL_, "--background"]]],
    ["w3m --url=%s:lynx", [["w3m", `--url=${URL_}`], ["lynx", URL_]]],
    ["'/opt/My Browser/run' %s", [["/opt/My Browser/run", URL_]]],
    ["  :  ", []],
  ])("%j", (value, argv) => {
    // The URL stays one argument, whatever it holds: nothing here is a shell.
    expect(browserCommands(value, URL_)).toEqual(argv);
  });
});
