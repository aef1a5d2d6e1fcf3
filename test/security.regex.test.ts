/**
 * Every regular expression under nodes/ and credentials/ is audited for linear time: listed below
 * with the reason it cannot backtrack super-linearly (JavaScript's regex engine backtracks; a
 * pattern with nested or adjacent overlapping quantifiers can take quadratic or exponential time
 * on crafted input, and node input can come from a webhook through an expression).
 *
 * The test finds every regex literal, every `new RegExp(…)` and every regex-valued string
 * (`regex:` / `validation:` properties, `…Pattern` / `…Regex` constants) in the sources with the
 * TypeScript parser, and fails for one that is not in AUDIT — add it with its reason (or replace
 * it by a loop). Each audited literal also runs on 1 MB adversarial inputs made of the characters
 * it reacts to, under a sanity budget (the argument is the reason; the budget only catches
 * mistakes: a quadratic pattern takes minutes on 1 MB).
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

const root = path.resolve(__dirname, '..');

/** Why each pattern is linear. Keys: regex literal as written (/…/flags), or the string's value. */
const AUDIT: Record<string, string> = {
	// ---- added with the Gong Webhook Trigger (URL and JWT/base64 handling) ----
	'/\\/webhook-test\\//': 'a literal',
	'/\\/webhook\\//': 'a literal',
	'/\\s+/g': 'one quantified class; a run is consumed once, other positions fail in one step',
	'/^[A-Za-z0-9+/=_-]+$/': 'anchored; one class then the end',
	'/-/g': 'a literal',
	'/_/g': 'a literal',
	'/^[A-Za-z0-9_-]*$/': 'anchored; one class then the end',
	// ---- added with Download Media, the trigger's state check, Simplify and Gong's missing-ids 404 ----
	'/^[A-Za-z0-9_.-]{1,100}$/': 'anchored, bounded repetition',
	'/^\\d{0,20}$/': 'anchored, bounded repetition',
	'/^(text\\/|application\\/(json|xml|xhtml\\+xml|problem\\+json)$)/': 'anchored alternation of literals',
	'/^(audio|video)\\/[\\w.+-]+$/': 'anchored; one class then the end',
	'/[^a-z0-9]/g': 'one character class, no quantifier',
	'/next\\s?steps?|action\\s?items?|follow[\\s-]?ups?/i': 'alternation of literals with optional single characters: at most 12 steps per start',
	'/\\b(?:was|were) not found\\s?:([^\\n]{1,20000})/i': 'literal prefix; the greedy class after it never backtracks into a failure (anything but a newline ends it as a match)',
	'/\\d{1,20}/g': 'bounded repetition: at most 20 steps per start',
	// ---- anchored, one quantified class followed by the end or a class it cannot match ----
	'/^\\d{1,20}$/': 'anchored, bounded repetition',
	'/^[\\s\\S]{0,255}$/': 'anchored, bounded repetition (at most 256 steps)',
	'/^https?:\\/\\/\\S+$/': 'anchored; one class then the end',
	'/^[a-z]{2,3}-[A-Za-z]{2,4}$/': 'anchored, bounded repetitions separated by "-"',
	'/^(application|binary)\\/octet-stream$/i': 'anchored alternation of literals',
	'/^(audio|video)\\//': 'anchored alternation of literals',
	'/^[A-Za-z0-9_-]+$/': 'anchored; one class then the end',
	'/^\\+\\d[\\d\\s().-]{5,}$/': 'anchored; one class then the end',
	'/^[A-Za-z0-9-]{1,64}$/': 'anchored, bounded repetition',
	'/^https?:\\/\\/[^/\\s?#]+$/': 'anchored; one class then the end',
	'/^ws:(\\d+)$/': 'anchored; one class then the end',
	'/^E[A-Z_]{3,}$/': 'anchored; one class then the end',
	'/^\\d+(\\.\\d+)?$/': 'anchored; "." separates the two digit runs (disjoint)',
	'/^\\s*\\d+\\s*$/': 'anchored; whitespace and digit classes are disjoint',
	'/^-/': 'single literal',
	'/^\\d+$/': 'anchored; one class then the end',
	'/^-?\\d+$/': 'anchored; one class then the end',
	// ---- unanchored, but each start position does bounded or disjoint work ----
	'/[,\\n;]/': 'single character class (split)',
	'/\\r?\\n/': 'literal with an optional character (split)',
	'/[?&]id=(\\d{1,20})/': 'literal prefix, bounded repetition',
	'/\\{(\\w+)\\}/': 'starts only at "{"; \\w cannot match "{" or "}", so runs after different starts do not overlap',
	'/\\.\\d{3}Z$/': 'literal prefix, bounded repetition',
	'/ ID$/': 'literal',
	'/\\/\\/[^/@\\s]*@/': 'starts only at "//"; the class stops at the next "/", so runs after different starts do not overlap',
	'/\\/v2$/i': 'literal',
	'/\\.\\./g': 'literal',
	'/\\b(E[A-Z_]{3,})\\b/': 'starts only at a word boundary followed by "E"; the class stays inside one word, and words do not overlap',
	'/socket hang up/i': 'literal',
	'/[0-9.eE+-]/': 'single character class on one character',
	'/"\\\\u0000int64:(-?\\d+)"/g': 'literal prefix; digits then a quote (disjoint)',
	'/"/g': 'literal',
	// ---- regex strings n8n runs (resource locators; validation is wrapped in ^…$ by n8n) ----
	'^\\s*\\d{1,20}\\s*$': 'anchored; whitespace and digit classes are disjoint, bounded digits',
	'^\\s*https://[^/?#\\s]*gong\\.io/call\\?(?:[^#\\s]*&)?id=(\\d{1,20})(?:[&#\\s]|$)':
		'anchored (one start); host class stops at "/"; every "&" candidate is followed by bounded digits and ONE terminator character, so each candidate costs O(1)',
	'\\s*https://[^/?#\\s]*gong\\.io/call\\?(?:[^#\\s]*&)?id=\\d{1,20}(?:#\\S*)?\\s*':
		'wrapped in ^…$: one start; after the digits only "#", whitespace or the end may follow, so only the last "&" candidate reaches the tail scan',
	'^\\s*[Hh][Tt][Tt][Pp][Ss]://(?:[A-Za-z0-9_.-]*\\.)?[Gg][Oo][Nn][Gg]\\.[Ii][Oo](?::\\d{1,5})?(?:/[^?#]*|\\s*)$':
		'credential form warning: anchored; the host class backtracks only to its dots to find "gong.io" (one pass over the host); path and trailing spaces are alternatives, each a single class to the end',
	// ---- built with new RegExp ----
	'new RegExp(`^${TOKEN}/${TOKEN}(?:[ \\\\t]*;[ \\\\t]*${TOKEN}=(?:${TOKEN}|"[^"\\\\\\\\\\\\x00-\\\\x1f\\\\x7f]*"))*[ \\\\t]*$`)':
		'MIME type (multipart.ts): input length-bound to 255 first; anchored; token class excludes space, ";", "=", \'"\', and each repetition starts with ";", so iterations cannot overlap',
};

/** Characters a pattern reacts to, repeated to 1 MB, each followed by a character that breaks the match. */
const UNITS = ['.', '@', '/', ' ', '&', '1', 'a', 'E', '{a', '"', ';', 'id=1&', '\r\n', '-', '+1'];
const MB = 1024 * 1024;
const BUDGET_MS = 2000;

function walk(dir: string): string[] {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
		const p = path.join(dir, d.name);
		if (d.isDirectory()) return walk(p);
		return p.endsWith('.ts') ? [p] : [];
	});
}

interface Found {
	key: string;
	where: string;
	literal?: RegExp;
}

function findPatterns(): Found[] {
	const found: Found[] = [];
	for (const file of [...walk(path.join(root, 'nodes')), ...walk(path.join(root, 'credentials'))]) {
		const sf = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
		const where = (n: ts.Node) => `${path.relative(root, file)}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
		const visit = (n: ts.Node) => {
			if (n.kind === ts.SyntaxKind.RegularExpressionLiteral) {
				const text = n.getText();
				const last = text.lastIndexOf('/');
				found.push({ key: text, where: where(n), literal: new RegExp(text.slice(1, last), text.slice(last + 1).replace('g', '')) });
			} else if (ts.isNewExpression(n) && n.expression.getText() === 'RegExp') {
				found.push({ key: n.getText(), where: where(n) });
			} else if (ts.isPropertyAssignment(n) && /^(regex|validation)$/.test(n.name.getText()) && ts.isStringLiteral(n.initializer)) {
				found.push({ key: n.initializer.text, where: where(n) });
			} else if (ts.isVariableDeclaration(n) && /(pattern|regex)$/i.test(n.name.getText()) && n.initializer && ts.isStringLiteral(n.initializer)) {
				found.push({ key: n.initializer.text, where: where(n) });
			}
			ts.forEachChild(n, visit);
		};
		visit(sf);
	}
	return found;
}

describe('every regular expression in nodes/ and credentials/ is audited for linear time', () => {
	const found = findPatterns();

	test('the sources have patterns to audit (the finder works)', () => {
		expect(found.length).toBeGreaterThan(20);
		expect(found.some((f) => f.key.startsWith('new RegExp'))).toBe(true);
		expect(found.some((f) => f.key.includes('gong\\.io/call'))).toBe(true);
	});

	test('no pattern without a reason in AUDIT (add it there, or use a loop)', () => {
		const missing = found.filter((f) => AUDIT[f.key] === undefined).map((f) => `${f.where}: ${f.key}`);
		expect(missing).toEqual([]);
	});

	test('no known quadratic shape: X+ followed by a character X also matches and then X+ again', () => {
		// The former email pattern: [^\s@]+\.[^\s@]+ — "." belongs to the class on both sides.
		const shapes = found.filter((f) => /\[\^\\s@\]\+\\\.\[\^\\s@\]\+/.test(f.key) || /\\\/\+\$/.test(f.key));
		expect(shapes.map((f) => `${f.where}: ${f.key}`)).toEqual([]);
	});

	const literals = found.filter((f) => f.literal);
	test.each(literals.map((f) => [f.where, f.key, f.literal!] as const))('%s %s on 1 MB adversarial inputs', (_where, _key, re) => {
		// 16 KB first: a quadratic pattern already needs far more than 100 ms there (a linear one
		// needs well under 1 ms), so a bad pattern fails here instead of blocking for minutes on 1 MB.
		for (const [size, limit] of [[16 * 1024, 100], [MB, BUDGET_MS]]) {
			for (const unit of UNITS) {
				const text = unit.repeat(Math.ceil(size / unit.length));
				for (const input of [text + '\u0001', `a@${text}@`, `https://a.gong.io/call?${text}x`]) {
					const started = Date.now();
					re.test(input);
					const ms = Date.now() - started;
					if (ms >= limit) throw new Error(`${re} took ${ms} ms on ${JSON.stringify(unit)} × ${size} characters`);
				}
			}
		}
	});
});
