const path = require('path');
const { task, src, dest, parallel } = require('gulp');

// Copies the static files n8n reads next to the compiled code: icons and codex JSON.
function copyIcons() {
	return src(['nodes/**/*.{png,svg}', 'credentials/**/*.{png,svg}'], { base: '.', encoding: false }).pipe(dest('dist'));
}

function copyCodex() {
	return src(['nodes/**/*.node.json'], { base: '.' }).pipe(dest(path.resolve('dist')));
}

task('build:icons', parallel(copyIcons, copyCodex));
