/** Korean for the gradient-descent and backpropagation pages' widgets and exercises. */

export const koDescent = {};
