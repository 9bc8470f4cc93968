// The same module as /embed/gradient-descent.js, with the Korean catalogue registered before the widget can be created.
import "../../components/course/messages-ko.js";
export * from "../../embed/gradient-descent.js";
