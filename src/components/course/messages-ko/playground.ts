/** Korean for the playground's widget, code panel and exercise. */

export const koPlayground = {};
