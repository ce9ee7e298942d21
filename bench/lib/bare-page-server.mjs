// The page benchmark's reference (bench/pages.ts): a bare node:http server that answers each path
// with bytes captured from the app's own pages, and nothing else. `/<name>` sends the body from a
// JavaScript string with res.end(), as Next.js sends a prerendered page; `/<name>?buffer` sends the
// same bytes from a Buffer. It shows what writing a page's bytes costs Node itself, before any
// framework work. Usage: node bare-page-server.mjs <bodies.json>  (bodies: { name: html }); it
// listens on a free port and prints that port as its first line.
import fs from "node:fs";
import http from "node:http";

const [file] = process.argv.slice(2);
if (!file) throw new Error("usage: node bare-page-server.mjs <bodies.json>");
const strings = new Map(Object.entries(JSON.parse(fs.readFileSync(file, "utf8"))).map(([name, html]) => [`/${name}`, String(html)]));
const buffers = new Map([...strings].map(([route, html]) => [route, Buffer.from(html, "utf8")]));

http
  .createServer((request, response) => {
    const [route = "", query] = (request.url ?? "").split("?");
    const body = query === "buffer" ? buffers.get(route) : strings.get(route);
    if (body === undefined) {
      response.statusCode = 404;
      return response.end();
    }
    response.setHeader("Content-Type", "text/html; charset=utf-8");
    response.setHeader("Content-Length", Buffer.byteLength(body));
    response.end(body);
  })
  .listen(0, "127.0.0.1", function onListening() {
    const address = this.address();
    process.stdout.write(`${typeof address === "object" && address ? address.port : 0}\n`);
  });
