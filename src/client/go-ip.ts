// Go's address parsing for the client's own checks (docker/cli parses them with net.ParseIP and
// net.ParseCIDR); the parser is pure and lives with the engine's networks.
export { goParseCidr, goParseIp, type GoIpNet } from "../engine/network/go-ip.js";
