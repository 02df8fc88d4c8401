import {MiddlewareSequence} from '@loopback/rest';

export class InventorySequence extends MiddlewareSequence {}
