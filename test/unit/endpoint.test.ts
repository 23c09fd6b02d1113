/** The file by which `npm start` tells the CLI where its bundled Neo4j listens. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { endpointFile, publishEndpoint, readEndpoint } from "../../src/localNeo4j/endpoint.js";

const home = fs.mkdtempSync(path.join(os.tmpdir(), "csg-endpoint-"));
afterAll(() => fs.rmSync(home, { recursive: true, force: true }));
const write = (content: string) => fs.writeFileSync(endpointFile(home), content);

describe("the published endpoint", () => {
  it("is read back while its server lives, and withdrawn by it", () => {
    const withdraw = publishEndpoint(home, "bolt://127.0.0.1:7999");
    expect(readEndpoint(home)).toEqual({ uri: "bolt://127.0.0.1:7999", pid: process.pid });
    expect(fs.readdirSync(home)).toEqual(["endpoint.json"]); // written whole, then renamed: no temp file left
    withdraw();
    expect(readEndpoint(home)).toBeNull();
  });

  it("is ignored when its server is gone, malformed, or names anything but a loopback Bolt port", () => {
    write(JSON.stringify({ uri: "bolt://127.0.0.1:7999", pid: 2 ** 22 + 12345 })); // beyond any pid Linux hands out
    expect(readEndpoint(home)).toBeNull();
    write("{ not json");
    expect(readEndpoint(home)).toBeNull();
    write(JSON.stringify({ uri: "bolt://db.example.com:7687", pid: process.pid }));
    expect(readEndpoint(home)).toBeNull();
  });

  it("is withdrawn only by the process that wrote it (a later server may have replaced it)", () => {
    const withdraw = publishEndpoint(home, "bolt://127.0.0.1:7997");
    write(JSON.stringify({ uri: "bolt://127.0.0.1:7998", pid: process.ppid }));
    withdraw();
    expect(readEndpoint(home)).toEqual({ uri: "bolt://127.0.0.1:7998", pid: process.ppid });
  });
});
