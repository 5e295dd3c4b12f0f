import { defineMessages } from '../../core/messages';

/** Errors of the signed chart links (answered with HTTP 403). */
export const ChartMessages = defineMessages({
  CHART_LINK_INVALID: {
    description: '403: the chart link is invalid or has expired',
    zh: () => '图表链接无效或已过期，请在报表中重新获取链接',
    en: () => 'The chart link is invalid or has expired; ask the report for a new one',
  },
});
