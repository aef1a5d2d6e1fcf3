/**
 * Layout rule (CONTRIBUTING.md): node folders import downwards only. nodes/shared/ never imports
 * from a node folder, and no node folder imports from another node's folder.
 */
import * as fs from 'fs';
import * as path from 'path';

const NODES = path.join(__dirname, '..', 'nodes');

function tsFiles(dir: string): string[] {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
		const p = path.join(dir, e.name);
		return e.isDirectory() ? tsFiles(p) : e.name.endsWith('.ts') ? [p] : [];
	});
}

function relativeImports(file: string): string[] {
	const src = fs.readFileSync(file, 'utf8');
	return [...src.matchAll(/from\s+'(\.[^']*)'/g)].map((m) => path.resolve(path.dirname(file), m[1]));
}

const topFolder = (abs: string): string => path.relative(NODES, abs).split(path.sep)[0];

describe('layout: imports go downwards only', () => {
	const folders = fs.readdirSync(NODES, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);

	it('has the shared layer and at least the two nodes', () => {
		expect(folders).toEqual(expect.arrayContaining(['shared', 'Gong', 'GongTrigger']));
	});

	for (const folder of folders) {
		it(`${folder} imports only from itself${folder === 'shared' ? '' : ' and nodes/shared'}`, () => {
			const offending: string[] = [];
			for (const file of tsFiles(path.join(NODES, folder))) {
				for (const target of relativeImports(file)) {
					const top = topFolder(target);
					const allowed = top === folder || (folder !== 'shared' && top === 'shared');
					if (!allowed) offending.push(`${path.relative(NODES, file)} → ${path.relative(NODES, target)}`);
				}
			}
			expect(offending).toEqual([]);
		});
	}
});
