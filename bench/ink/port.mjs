// The ink port of a Rapport story, for `make bench`: the same story as an ink author would write
// it for inkjs, so the two players are compared on the same content. One locale per port (an
// Inky web export holds one language).
//
//   each node        a knot; its lines are ink lines, a conditional line `{cond: text}`
//   emotions, flags  global variables; every effect clamped to the emotion's range
//   choices          sticky choices (`+`) guarded by their condition (ink hides an unavailable
//                    choice: Rapport shows it greyed out, the one difference a learner sees)
//   rules            after every choice, `rules(-> next)` sends the story to the first rule's
//                    node whose condition now holds and that has not fired yet, else to `next`
//   endings          the ending's title and debrief, then `-> END`, tagged with the outcome
import { Compiler } from 'inkjs/full';

const ident = (id) => `r_${id.replace(/[^A-Za-z0-9_]/g, '_')}`;
const flag = (id) => `f_${id.replace(/[^A-Za-z0-9_]/g, '_')}`;
const fired = (id) => `fired_${id.replace(/[^A-Za-z0-9_]/g, '_')}`;
const emotion = (id) => `e_${id.replace(/[^A-Za-z0-9_]/g, '_')}`;
// Characters ink reads as syntax inside text, escaped with a backslash.
const escape = (text) => text.replace(/[\\{}[\]#|~*+\-=/<>]/g, (c) => `\\${c}`).replace(/\n/g, ' ');

// Parentheses only around a compound expression: `(name)` alone is an ink list literal.
const group = (expr) => (expr.includes(' ') ? `(${expr})` : expr);

/** A Rapport condition as an ink expression. */
function condition(c) {
  if (!c) return 'true';
  const parts = [];
  for (const f of c.flags ?? []) parts.push(flag(f));
  for (const f of c.not_flags ?? []) parts.push(`not ${flag(f)}`);
  for (const [e, n] of Object.entries(c.at_least ?? {})) parts.push(`${emotion(e)} >= ${n}`);
  for (const [e, n] of Object.entries(c.below ?? {})) parts.push(`${emotion(e)} < ${n}`);
  if (c.any?.length) parts.push(group(c.any.map((a) => group(condition(a))).join(' || ')));
  return parts.length ? parts.join(' && ') : 'true';
}

/** The ink source of `story` in `locale`. */
export function toInk(story, locale) {
  const text = (t) => escape(t?.[locale] ?? t?.[story.locales[0]] ?? '');
  const speaker = (id) => {
    if (!id || id === 'client') return text(story.persona.addressed_as);
    if (id === 'you' || id === 'narrator') return null;
    return text(story.cast?.find((c) => c.id === id)?.name);
  };
  const out = [];
  for (const e of story.emotions) out.push(`VAR ${emotion(e.id)} = ${e.start}`);
  for (const f of story.flags ?? []) out.push(`VAR ${flag(f)} = false`);
  for (const r of story.rules ?? []) out.push(`VAR ${fired(r.id)} = false`);
  out.push(`-> ${ident(story.start)}`, '');
  const ranges = Object.fromEntries(story.emotions.map((e) => [e.id, [e.min ?? 0, e.max ?? 100]]));
  for (const node of story.nodes) {
    out.push(`=== ${ident(node.id)} ===`);
    for (const line of node.lines ?? []) {
      const who = speaker(line.speaker);
      const said = who ? `${who}: ${text(line.text)}` : text(line.text);
      out.push(line.when ? `{${condition(line.when)}: ${said}}` : said);
    }
    if (node.ending) {
      const debrief = Array.isArray(node.ending.debrief) ? node.ending.debrief : [{ text: node.ending.debrief }];
      out.push(`${text(node.ending.title)} # outcome: ${node.ending.outcome}`);
      for (const part of debrief) out.push(part.when ? `{${condition(part.when)}: ${text(part.text)}}` : text(part.text));
      out.push('-> END', '');
      continue;
    }
    for (const c of node.choices) {
      const guard = c.when ? `{${condition(c.when)}} ` : '';
      out.push(`+ ${guard}[${text(c.text)}]`);
      for (const [e, d] of Object.entries(c.effects ?? {})) {
        const [min, max] = ranges[e];
        out.push(`  ~ ${emotion(e)} = MIN(MAX(${emotion(e)} + ${d}, ${min}), ${max})`);
      }
      for (const f of c.set ?? []) out.push(`  ~ ${flag(f)} = true`);
      for (const f of c.unset ?? []) out.push(`  ~ ${flag(f)} = false`);
      out.push(`  -> rules(-> ${ident(c.next)})`);
    }
    out.push('');
  }
  out.push('=== rules(-> next) ===');
  for (const r of story.rules ?? []) {
    out.push(`{ not ${fired(r.id)} && ${group(condition(r.when))}:`, `  ~ ${fired(r.id)} = true`, `  -> ${ident(r.goto)}`, '}');
  }
  out.push('-> next', '');
  return out.join('\n');
}

/** The story compiled by inkjs's compiler: the JSON an Inky export ships. */
export function compile(story, locale) {
  const compiler = new Compiler(toInk(story, locale));
  const json = compiler.Compile().ToJson();
  if (compiler.errors?.length) throw new Error(`ink port of ${story.title?.en}: ${compiler.errors.join('; ')}`);
  return json;
}

/** The emotion variable of `id` in a running ink story. */
export const emotionVariable = emotion;
