import { messages } from './index.js';

export const m = messages({
  en: {
    invalid: 'The curriculum in {dir} has {n} problem(s):',
    invalidHint: 'Run `dlpath validate {dir}` to see them all.',
    moreProblems: '... and {n} more',
    tooNew: 'The curriculum in {dir} uses format version {version}, newer than this dlpath reads.',
    tooNewHint: 'Upgrade dlpath (npm install -g dlpath@latest).',
    validClean: '{dir}: valid. {modules} modules, {questions} questions, {tasks} tasks.',
    validSummary: '{errors} error(s), {warnings} warning(s) in {files} file(s).',
    strictNote: '--strict: warnings count as errors.',
    notCurriculum: '{dir} is not a dlpath curriculum: it has no curriculum.yaml.',
    notCurriculumHint: 'Point --curriculum (or DLPATH_CURRICULUM) at the folder that holds curriculum.yaml.',
    fileMissing: '{file} is missing from the curriculum.',
    fileMissingHint: 'Run `dlpath validate {dir}` to check the curriculum.',
    furtherReading: 'Further reading',
  },
  zh: {
    invalid: '{dir} 中的课程有 {n} 个问题：',
    invalidHint: '运行 `dlpath validate {dir}` 查看全部问题。',
    moreProblems: '……还有 {n} 个',
    tooNew: '{dir} 中的课程使用格式版本 {version}，比本版本 dlpath 能读取的更新。',
    tooNewHint: '请升级 dlpath（npm install -g dlpath@latest）。',
    validClean: '{dir}：有效。{modules} 个模块，{questions} 道题，{tasks} 个任务。',
    validSummary: '{files} 个文件中有 {errors} 个错误、{warnings} 个警告。',
    strictNote: '--strict：警告也算作错误。',
    notCurriculum: '{dir} 不是 dlpath 课程：其中没有 curriculum.yaml。',
    notCurriculumHint: '请让 --curriculum（或 DLPATH_CURRICULUM）指向包含 curriculum.yaml 的文件夹。',
    fileMissing: '课程中缺少文件 {file}。',
    fileMissingHint: '运行 `dlpath validate {dir}` 检查课程。',
    furtherReading: '延伸阅读',
  },
});
