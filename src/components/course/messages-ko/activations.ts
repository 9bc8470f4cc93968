/** Korean for the activations page's widgets and exercises, and the course-wide exercise, progress and number words. */

export const koActivations = {};
