// What scripts/docs.mjs and scripts/examples.mjs need from the sources, in one entry point they
// bundle (the tool's own bundle never imports this file).
export { COMMANDS, DESCRIPTION, EXIT_CODES_HELP, ENVIRONMENT_HELP, commandExitCodesHelp } from "../program";
export { GLOBAL_OPTIONS } from "../command-kit/spec";
export { referenceFiles } from "./reference";
export { consoleBlocks, formatGolden, isComment, notRunOutput, NOT_RUN, VARIES, withOutputs } from "./examples";
