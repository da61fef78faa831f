// Part 2 of the walk of the whole shipped path (see tests/walk.mjs).
import { test } from 'node:test';
import { walkPart } from './walk.mjs';

test('the shipped path, part 2 of 3, can be walked with dlpath next', { timeout: 600000 }, () => walkPart(1));
