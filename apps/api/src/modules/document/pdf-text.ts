import { execFile } from "node:child_process";

// pdf.js sets up its worker with a dynamic import, which jest's CommonJS sandbox refuses;
// a plain Node child reads the text instead.
const SCRIPT = `
const { PDFParse } = require(process.argv[1]);
const chunks = [];
process.stdin.on("data", (c) => chunks.push(c));
process.stdin.on("end", async () => {
  const parser = new PDFParse({ data: new Uint8Array(Buffer.concat(chunks)) });
  const { text } = await parser.getText();
  await parser.destroy();
  process.stdout.write(text);
});`;

/** The text of a PDF, as pdf-parse (pdf.js) extracts it; for tests. */
export function pdfText(pdf: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      ["-e", SCRIPT, require.resolve("pdf-parse")],
      { maxBuffer: 64 * 1024 * 1024 },
      (error, stdout) => (error ? reject(error) : resolve(stdout)),
    );
    child.stdin!.end(pdf);
  });
}
