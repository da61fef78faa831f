import { messages } from './index.js';

/** The key hints under a list prompt (@inquirer/prompts prints them in English otherwise). */
export const m = messages({
  en: { navigate: 'navigate', select: 'select', submit: 'submit', all: 'all', invert: 'invert' },
  zh: { navigate: '移动', select: '选择', submit: '提交', all: '全选', invert: '反选' },
});
