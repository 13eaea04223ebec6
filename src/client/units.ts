// go-units HumanDuration, shared by the daemon (status strings) and the client (relative times).
export { humanDuration } from "../engine/units.js";
