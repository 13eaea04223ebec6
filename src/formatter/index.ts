// Docker-faithful rendering: pure functions from rows and formats to text.
export { displayWidth, runeWidth, isWide } from "./width.js";
export {
  TabWriter, tabulate, FilterHTML, StripEscape, AlignRight, DiscardEmptyColumns, TabIndent, Debug,
  type TabWriterOptions,
} from "./tabwriter.js";
export {
  parseTemplate, execute, executePartial, renderTemplate, isTemplateError, TemplateError,
  builtinFuncs, dockerFuncs, headerFuncs, GO_MAP, GO_PARAMS, GO_TYPE, formatValue,
  type Template, type ParseOptions, type ExecuteOptions, type FuncMap, type GoFunc, type ParamType,
} from "./template/index.js";
export { goNil, goFloat, GO_NIL } from "./template/values.js";
export {
  preFormat, isTable, isJson, parseFormat, renderContexts, marshalContext, headerContext, FormatError,
  TABLE_FORMAT_KEY, RAW_FORMAT_KEY, PRETTY_FORMAT_KEY, JSON_FORMAT_KEY, DEFAULT_QUIET_FORMAT, JSON_FORMAT,
  type RenderOptions,
} from "./format.js";
export {
  humanDuration, humanSize, humanSizeWithPrecision, bytesSize, ramInBytes, fromHumanSize, formatG, UnitsError,
} from "./units.js";
export { formatFloatV, formatFixed, formatExp } from "./gofloat.js";
export { ellipsis, goQuote, truncateId, isGoPrint } from "./strings.js";
export { goJson, goJsonString, indentJson, indentJsonText, type GoJsonOptions } from "./json.js";
export { rfc3339Nano, rfc3339NanoFixed, rfc3339, goTimeString, ansic, ZERO_TIME } from "./time.js";
export { displayablePorts, joinHostPort, type PortSummary } from "./ports.js";
