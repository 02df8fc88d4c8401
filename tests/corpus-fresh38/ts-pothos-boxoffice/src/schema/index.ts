import { builder } from "../builder";
import "./events";
import "./orders";

export const schema = builder.toSchema();
