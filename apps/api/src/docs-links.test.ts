import fs from "node:fs";
import path from "node:path";

// The docs are read, not searched: a newcomer follows their links. Every relative link must
// name a file that exists, and every #anchor a heading of its target, with GitHub's slugs.
// The two entry points stay short enough to read in one sitting.

const repoRoot = path.resolve(__dirname, "../../..");

const SIZE_LIMITS: Record<string, number> = {
  "README.md": 10_240,
  "ARCHITECTURE.md": 25_600,
};

function docFiles(): string[] {
  const files = ["README.md", "ARCHITECTURE.md"];
  const docs = path.join(repoRoot, "docs");
  for (const name of fs.readdirSync(docs).sort())
    if (name.endsWith(".md")) files.push(path.posix.join("docs", name));
  // A package's own README, if it has one.
  for (const parent of ["apps", "packages", "tools"]) {
    const dir = path.join(repoRoot, parent);
    if (!fs.existsSync(dir)) continue;
    for (const name of fs.readdirSync(dir).sort())
      if (fs.existsSync(path.join(dir, name, "README.md")))
        files.push(path.posix.join(parent, name, "README.md"));
  }
  return files;
}

type Line = { text: string; line: number };

// The lines outside fenced code blocks, each with its 1-based line number.
function proseLines(markdown: string): Line[] {
  const lines: Line[] = [];
  let fence: string | null = null;
  markdown.split("\n").forEach((text, i) => {
    const opener = /^ {0,3}(`{3,}|~{3,})/.exec(text);
    if (fence) {
      if (opener && opener[1][0] === fence[0] && opener[1].length >= fence.length) fence = null;
      return;
    }
    if (opener) {
      fence = opener[1];
      return;
    }
    lines.push({ text, line: i + 1 });
  });
  return lines;
}

// Inline code spans (any run of backticks up to the same run) hold no links.
function withoutCodeSpans(text: string): string {
  return text.replace(/(`+)[\s\S]*?\1/g, "");
}

/** GitHub's heading slug: lower case, punctuation but `-` and `_` dropped, spaces to `-`. */
function githubSlug(heading: string): string {
  const text = heading
    .replace(/(`+)([\s\S]*?)\1/g, (_m, _ticks, code: string) => code) // code keeps its text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1") // a link or image reads as its text
    .replace(/<[^>]+>/g, "") // inline HTML
    .replace(/(\*\*|__|\*|~~)(?=\S)([\s\S]*?\S)\1/g, "$2") // emphasis
    .replace(/(^|[^\p{L}\p{N}])_(?=\S)([\s\S]*?\S)_(?![\p{L}\p{N}])/gu, "$1$2");
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, "")
    .replace(/ /g, "-");
}

// The anchors a file offers: its headings' slugs, numbered as GitHub numbers repeats, plus any
// explicit <a id> or <a name>.
function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  const add = (heading: string) => {
    const slug = githubSlug(heading);
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  };
  const lines = proseLines(markdown);
  lines.forEach(({ text }, i) => {
    const atx = /^ {0,3}#{1,6}(?:\s+(.*?))?(?:\s+#+)?\s*$/.exec(text);
    if (atx) return add(atx[1] ?? "");
    const next = lines[i + 1];
    const isSetext =
      next &&
      next.line === lines[i].line + 1 &&
      /^ {0,3}(=+|-+)\s*$/.test(next.text) &&
      text.trim() !== "" &&
      !/^\s*([-*+]|\d+[.)]|>|\|)/.test(text);
    if (isSetext) add(text);
  });
  for (const m of markdown.matchAll(/<a\s+(?:id|name)="([^"]+)"/g)) anchors.add(m[1]);
  return anchors;
}

type Link = { target: string; line: number };

function linksOf(markdown: string): Link[] {
  const links: Link[] = [];
  for (const { text, line } of proseLines(markdown)) {
    const prose = withoutCodeSpans(text);
    for (const m of prose.matchAll(/\]\(\s*<?([^)\s>]*)>?(?:\s+["'(][^)]*)?\)/g))
      links.push({ target: m[1], line });
    const definition = /^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+.*)?$/.exec(prose);
    if (definition) links.push({ target: definition[1], line });
  }
  return links;
}

const EXTERNAL = /^[a-z][a-z0-9+.-]*:/i; // http:, https:, mailto: and every other scheme

function brokenLinks(file: string): string[] {
  const source = path.join(repoRoot, file);
  const broken: string[] = [];
  for (const { target, line } of linksOf(fs.readFileSync(source, "utf8"))) {
    if (EXTERNAL.test(target) || target.startsWith("//")) continue;
    const where = `${file}:${line} → ${target}`;
    if (target === "") {
      broken.push(`${where}: empty link`);
      continue;
    }
    const hash = target.indexOf("#");
    const filePart = decodeURIComponent(hash < 0 ? target : target.slice(0, hash));
    const anchor = hash < 0 ? null : decodeURIComponent(target.slice(hash + 1));
    const resolved = filePart === "" ? source : path.resolve(path.dirname(source), filePart);
    if (!fs.existsSync(resolved)) {
      broken.push(`${where}: no such file`);
      continue;
    }
    if (anchor === null) continue;
    if (!resolved.endsWith(".md")) {
      broken.push(`${where}: an anchor into a file that is not markdown`);
      continue;
    }
    if (!anchorsOf(fs.readFileSync(resolved, "utf8")).has(anchor))
      broken.push(`${where}: no heading with this anchor`);
  }
  return broken;
}

describe("GitHub's heading slugs", () => {
  it.each([
    ["Data model", "data-model"],
    ["Hot path: the compiled worker page", "hot-path-the-compiled-worker-page"],
    ["Accidents at the PLKK and agents' fees", "accidents-at-the-plkk-and-agents-fees"],
    ["`ADMIN_EMAIL` and `ADMIN_PASSWORD`", "admin_email-and-admin_password"],
    ["Latest run (2026-11-26, 08:03 UTC)", "latest-run-2026-11-26-0803-utc"],
    ["The write path (part 2 of `npm run bench`)", "the-write-path-part-2-of-npm-run-bench"],
    ["Perisai agents' fees (Perdir 13/2022)", "perisai-agents-fees-perdir-132022"],
    ["A **bold** [link](x.md) and _emphasis_", "a-bold-link-and-emphasis"],
    ["Two  spaces", "two--spaces"],
  ])("%s → %s", (heading, slug) => {
    expect(githubSlug(heading)).toBe(slug);
  });

  it("numbers repeated headings -1, -2 and ignores headings inside code blocks", () => {
    const anchors = anchorsOf("# Notes\n\n## Notes\n\n```\n# Notes\n```\n\n## Notes\n");
    expect([...anchors].sort()).toEqual(["notes", "notes-1", "notes-2"]);
  });

  it("finds links outside code only", () => {
    const md = "See [a](a.md) and `[b](b.md)`.\n\n```\n[c](c.md)\n```\n\n[d]: d.md#x\n";
    expect(linksOf(md).map((l) => l.target)).toEqual(["a.md", "d.md#x"]);
  });
});

describe.each(docFiles())("%s", (file) => {
  it("has no broken relative link or anchor", () => {
    expect(brokenLinks(file)).toEqual([]);
  });

  if (file in SIZE_LIMITS)
    it(`stays within ${SIZE_LIMITS[file]} bytes`, () => {
      expect(fs.statSync(path.join(repoRoot, file)).size).toBeLessThanOrEqual(SIZE_LIMITS[file]);
    });
});
