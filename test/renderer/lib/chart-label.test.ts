import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CHART_LABEL_MAX, lessonChartLabel } from '../../../renderer/lib/chart-label.ts';
import { loadCourse } from '../../../sandbox/course/lesson-library.ts';

const LESSONS = fileURLToPath(new URL('../../../lessons', import.meta.url));

describe('lesson labels on the progress chart', () => {
  it('keeps a short title whole', () => {
    expect(lessonChartLabel(2, 'Your first Lambda function')).toBe('2. Your first Lambda function');
  });

  it('shortens a long title to the words before " - "', () => {
    expect(lessonChartLabel(15, 'Orchestration - Step Functions instead of chained functions, and database connections')).toBe('15. Orchestration');
  });

  it('cuts a long title without " - " with an ellipsis', () => {
    const label = lessonChartLabel(9, 'A very long lesson title that has no separator anywhere in it at all');
    expect(label.length).toBe(CHART_LABEL_MAX);
    expect(label.endsWith('…')).toBe(true);
  });

  it('gives every lesson of the course, in both languages, a label within the limit and never the bare number', () => {
    const { lessons } = loadCourse(LESSONS);
    expect(lessons.length).toBe(18);
    for (const lesson of lessons) {
      for (const language of ['en', 'ko'] as const) {
        const label = lessonChartLabel(lesson.order, lesson.text[language].title);
        expect(label.length).toBeLessThanOrEqual(CHART_LABEL_MAX);
        expect(label.length).toBeGreaterThan(`${lesson.order}. `.length + 3);
      }
    }
  });
});
