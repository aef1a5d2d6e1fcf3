'use strict';
/** Library: public folders and folder content. */

const { fail } = require('../data');
const lib = require('./_lib');

const NO_FOLDERS = 'No folders found for the specified period';

module.exports = {
	/** Only public folders; private and archived ones are never returned. */
	'library.listFolders'(req, sb) {
		let folders = sb.state.library.folders.filter((f) => f.visibility === 'public');
		if (req.query.workspaceId) folders = folders.filter((f) => f.workspaceId === req.query.workspaceId);
		if (!folders.length) fail(404, NO_FOLDERS);
		return { body: { folders: folders.map((f) => ({ id: f.id, name: f.name, parentFolderId: f.parentFolderId, createdBy: f.createdBy, updated: sb.fmt(f.updated) })) } };
	},

	/** folderId is optional in the spec but the folder must be known: missing → 400, unknown/non-public → 404. */
	'library.getFolderContent'(req, sb) {
		const id = req.query.folderId;
		if (!id) fail(400, 'folderId: is required');
		const folder = sb.state.library.folders.find((f) => f.id === id && f.visibility === 'public');
		if (!folder) fail(404, NO_FOLDERS);
		const calls = folder.calls
			.map((entry) => ({ entry, call: lib.findVisibleCall(sb, entry.callId) }))
			.filter((x) => x.call)
			.map(({ entry, call }) => {
				let url = call.url;
				if (entry.snippet) url += `&highlights=${encodeURIComponent(JSON.stringify([{ to: entry.snippet.toSec * 1000, from: entry.snippet.fromSec * 1000, type: 'LIBRARY' }]))}`;
				return { id: call.id, title: call.title, note: entry.note, addedBy: entry.addedBy, created: sb.fmt(entry.created), url, snippet: entry.snippet };
			});
		return { body: { id: folder.id, name: folder.name, createdBy: folder.createdBy, updated: sb.fmt(folder.updated), calls } };
	},
};
