/**
 * `node compile-main.js <course folder> <compiled folder>`: compiles a course. npm's prepare runs it
 * for the shipped course (into dist/course), and a command runs it when a compiled module file it
 * needs turns out damaged. Exit 0 when written; 3 with the problems on stderr when the course is invalid.
 */
import path from 'node:path';
import { compileCourse } from './compile.js';
import { formatProblem } from '../../core/checks.js';

const [dir, folder] = process.argv.slice(2).map((p) => path.resolve(p));
const res = compileCourse(dir, folder);
if ('outline' in res) {
  process.exitCode = 0;
} else {
  for (const p of res.problems.filter((x) => x.severity === 'error').slice(0, 20)) process.stderr.write(`${path.join(dir, formatProblem(p))}\n`);
  process.exitCode = 3;
}
