/** Korean for the instructors page: the embed builder and the widget titles. */

export const koInstructors = {};
