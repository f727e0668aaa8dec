// Parses SQL with libpg-query (PostgreSQL 15's own parser, compiled to WASM).
// Input on stdin: a JSON array of SQL texts. Output on stdout: a JSON array, one entry per text:
//   {"ok": true, "statements": N} or {"ok": false, "error": "...", "cursorPosition": N}
const { parse } = require('libpg-query');

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => { input += chunk; });
process.stdin.on('end', async () => {
  const texts = JSON.parse(input);
  const results = [];
  for (const sql of texts) {
    try {
      const tree = await parse(sql);
      results.push({ ok: true, statements: tree.stmts.length });
    } catch (e) {
      results.push({ ok: false, error: e.message, cursorPosition: e.sqlDetails ? e.sqlDetails.cursorPosition : null });
    }
  }
  process.stdout.write(JSON.stringify(results));
});
