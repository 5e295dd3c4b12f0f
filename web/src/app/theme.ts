import type { ThemeConfig } from 'antd';

/**
 * Colours chosen for contrast (WCAG AA, 4.5:1 for text): Ant Design's default blue and its
 * light grey secondary text fall short on white, so the primary is a darker green-teal and
 * secondary text a darker grey.
 */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1f6f5c',
    colorLink: '#1f6f5c',
    colorInfo: '#1f6f5c',
    colorError: '#c41d1d',
    colorSuccess: '#2f7d12',
    colorWarning: '#b35c00',
    colorTextSecondary: 'rgba(0, 0, 0, 0.68)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.58)',
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', sans-serif",
    borderRadius: 8,
  },
};
