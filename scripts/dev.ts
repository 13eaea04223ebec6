// Runs the CLI from source (no build): npx tsx scripts/dev.ts ps -a
import { main } from "../src/cli/main.js";

process.exitCode = await main(process.argv.slice(2));
