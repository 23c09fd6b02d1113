/** `npm run schema`: writes schema/schema.graphql from the code. A test fails when the file drifts. */
import "reflect-metadata";
import fs from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "../config.js";
import { printSdl } from "./schema.js";

export const SCHEMA_FILE = path.join(PROJECT_ROOT, "schema", "schema.graphql");

const sdl = await printSdl();
fs.mkdirSync(path.dirname(SCHEMA_FILE), { recursive: true });
fs.writeFileSync(SCHEMA_FILE, sdl);
console.log(`Wrote ${path.relative(process.cwd(), SCHEMA_FILE)} (${sdl.split("\n").length} lines)`);
