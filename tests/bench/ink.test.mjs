// The ink port of a story (bench/ink/port.mjs, what `make bench` compares Rapport with) plays as
// Rapport does: along the locked paths of every shipped story (and the small fixture), the port
// reaches the same ending with the same emotion values as the engine (`storycheck play`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { Story } from 'inkjs/full';
import { compile, emotionVariable } from '../../bench/ink/port.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const storycheck = path.join(root, 'target/tools/storycheck');

/** Rapport's ending title and emotion values after `choices`. */
function engine(file, choices, locale) {
  const out = execFileSync(storycheck, ['play', '--locale', locale, file, ...choices], { encoding: 'utf8' });
  const ending = out.match(/^END \w+: (.*)$/m)?.[1];
  const emotions = Object.fromEntries(out.match(/^emotions: (.*)$/m)[1].split(' ').map((kv) => kv.split('=')).map(([k, v]) => [k, Number(v)]));
  return { ending, emotions };
}

/** The ink port played by choice text along the same ids. */
function ink(story, choices, locale) {
  const run = new Story(compile(story, locale));
  let text = run.ContinueMaximally();
  for (const id of choices) {
    const node = story.nodes.find((n) => n.choices?.some((c) => c.id === id) && text !== null);
    const wanted = node.choices.find((c) => c.id === id).text[locale];
    const index = run.currentChoices.findIndex((c) => c.text === wanted);
    assert.notEqual(index, -1, `${story.title.en}: no ink choice "${wanted}" among ${run.currentChoices.map((c) => c.text).join(' | ')}`);
    run.ChooseChoiceIndex(index);
    text = run.ContinueMaximally();
  }
  const emotions = Object.fromEntries(story.emotions.map((e) => [e.id, run.variablesState[emotionVariable(e.id)]]));
  return { text, emotions, ended: run.currentChoices.length === 0 };
}

const cases = [['tests/fixtures/mini.json', { a: ['joke', 'hope'], b: ['explain', 'alert'] }]];
for (const file of fs.readdirSync(path.join(root, 'stories'))) {
  const id = file.slice(0, -'.json'.length);
  const paths = path.join(root, 'tests/transcripts', `${id}.paths.json`);
  if (fs.existsSync(paths)) cases.push([`stories/${file}`, JSON.parse(fs.readFileSync(paths, 'utf8'))]);
}

for (const [file, paths] of cases) {
  test(`the ink port of ${file} plays as the engine does`, () => {
    const story = JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'));
    for (const locale of story.locales) {
      for (const [name, choices] of Object.entries(paths)) {
        const want = engine(path.join(root, file), choices, locale);
        const got = ink(story, choices, locale);
        assert.ok(got.ended, `${file} ${name} (${locale}): the port did not end`);
        assert.deepEqual(got.emotions, want.emotions, `${file} ${name} (${locale}): emotions`);
        assert.ok(got.text.includes(want.ending), `${file} ${name} (${locale}): ending "${want.ending}" not in the port's last text`);
      }
    }
  });
}
