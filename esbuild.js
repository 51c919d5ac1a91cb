// One build for every bundle: the Node extension, the web-worker extension, the webview script,
// the tests and benchmarks, and KaTeX's CSS with its woff2 fonts beside it.
// `--production` minifies and drops source maps; `--watch` rebuilds on change.
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Logs in the shape of VS Code's `$esbuild-watch` problem matcher. */
const problemMatcherPlugin = {
  name: 'esbuild-problem-matcher',
  setup(build) {
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      console.log('[watch] build finished');
    });
  },
};

/**
 * A line `;; @variant "f" as "g" with $a = 0, $b = 1` adds export g: function f with those locals read as
 * constants. V8 drops the branches on a constant, so a specialised loop carries none of the others' work,
 * while the source keeps one copy of the arithmetic.
 */
function expandVariants(source) {
  const variants = [...source.matchAll(/^\s*;; @variant "(\w+)" as "(\w+)" with (.+)$/gm)];
  let added = '';
  for (const [, from, to, settings] of variants) {
    const start = source.indexOf(`(func (export "${from}")`);
    if (start < 0) throw new Error(`@variant: no function "${from}"`);
    let depth = 0;
    let end = start;
    for (; end < source.length; end++) {
      if (source[end] === '(') depth++;
      else if (source[end] === ')' && --depth === 0) break;
    }
    let body = source.slice(start, end + 1).replace(`(export "${from}")`, `(export "${to}")`);
    for (const [, local, value] of settings.matchAll(/(\$\w+) = (-?\d+)/g)) {
      body = body.split(`(local.get ${local})`).join(`(i32.const ${value})`);
    }
    added += `\n  ${body}\n`;
  }
  const close = source.lastIndexOf(')');
  return source.slice(0, close) + added + source.slice(close);
}

/** `import bytes from './x.wat'` gives the module compiled by wabt, embedded so no host has to load a file. */
const watPlugin = {
  name: 'wat',
  setup(build) {
    build.onLoad({ filter: /\.wat$/ }, async (args) => {
      const wabt = await require('wabt')();
      const parsed = wabt.parseWat(args.path, expandVariants(fs.readFileSync(args.path, 'utf8')));
      try {
        parsed.validate();
        const { buffer } = parsed.toBinary({});
        const base64 = Buffer.from(buffer).toString('base64');
        return { contents: `export default Uint8Array.from(atob('${base64}'), (c) => c.charCodeAt(0));`, loader: 'js' };
      } finally {
        parsed.destroy();
      }
    });
  },
};

const common = {
  bundle: true,
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'silent',
  plugins: [problemMatcherPlugin, watPlugin],
};

/** KaTeX looks for `fonts/` beside its CSS; the webview loads both through asWebviewUri. */
function copyKatexAssets() {
  const katexDist = path.join(path.dirname(require.resolve('katex/package.json')), 'dist');
  const target = path.join(__dirname, 'media', 'katex');
  fs.mkdirSync(path.join(target, 'fonts'), { recursive: true });
  fs.copyFileSync(path.join(katexDist, 'katex.min.css'), path.join(target, 'katex.min.css'));
  for (const font of fs.readdirSync(path.join(katexDist, 'fonts'))) {
    if (font.endsWith('.woff2')) {
      fs.copyFileSync(path.join(katexDist, 'fonts', font), path.join(target, 'fonts', font));
    }
  }
}

const exists = (p) => fs.existsSync(path.join(__dirname, p));

/** Every bundle the project ships or runs. Test and bench bundles keep their npm packages external. */
function configs() {
  const list = [
    { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', platform: 'node', format: 'cjs', external: ['vscode'] },
    { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/web/extension.js', platform: 'browser', format: 'cjs', external: ['vscode'], mainFields: ['browser', 'module', 'main'] },
    { ...common, entryPoints: ['src/webview/main.ts'], outfile: 'dist/webview/main.js', platform: 'browser', format: 'iife', tsconfig: 'src/webview/tsconfig.json' },
  ];
  if (!production) {
    const nodeTest = { ...common, platform: 'node', format: 'cjs', packages: 'external', external: ['vscode'], outbase: '.', outdir: 'dist' };
    const entries = ['test/unit/**/*.ts', 'test/package/**/*.ts', 'test/vscode/**/*.ts', 'test/ui/**/*.ts', 'test/harness/**/*.ts', 'bench/**/*.ts']
      .filter((glob) => exists(glob.split('/**')[0]));
    list.push({ ...nodeTest, entryPoints: entries });
    if (exists('test/web')) {
      // The web-worker host can require only `vscode`: everything else is bundled in.
      list.push({ ...common, entryPoints: ['test/web/index.ts'], outfile: 'dist/test/web/index.js', platform: 'browser', format: 'cjs', external: ['vscode'] });
    }
  }
  return list;
}

/** Test and bench bundles are built from globs: a renamed or deleted source must not leave its old bundle to run. */
function removeStaleBundles() {
  for (const dir of ['dist/test', 'dist/bench']) fs.rmSync(path.join(__dirname, dir), { recursive: true, force: true });
}

async function main() {
  copyKatexAssets();
  if (!production && !watch) removeStaleBundles();
  const contexts = await Promise.all(configs().map((c) => esbuild.context(c)));
  if (watch) {
    await Promise.all(contexts.map((c) => c.watch()));
    return;
  }
  const results = await Promise.allSettled(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
  if (results.some((r) => r.status === 'rejected')) process.exit(1);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
