/** Performance-timeline name of one animation frame's work (training + drawing), written by the widget and read by the benchmark. */
export const FRAME_MEASURE = "playground-frame";
