import { defineOperationApp } from '@directus/extensions-sdk';

export default defineOperationApp({
	id: 'shiprelay-return-label',
	name: 'ShipRelay return label',
	icon: 'assignment_return',
	description: 'Creates a prepaid return label for an order and stores it on the return request.',
	overview: ({ order_id, reason }) => [
		{ label: 'Order', text: order_id },
		{ label: 'Reason', text: reason ?? '—' },
	],
	options: [
		{
			field: 'order_id',
			name: 'Order',
			type: 'string',
			meta: { width: 'full', interface: 'input', required: true },
		},
		{
			field: 'reason',
			name: 'Return reason',
			type: 'string',
			meta: {
				width: 'full',
				interface: 'select-dropdown',
				options: {
					choices: [
						{ text: 'Damaged', value: 'damaged' },
						{ text: 'Wrong item', value: 'wrong_item' },
						{ text: 'Changed mind', value: 'changed_mind' },
					],
				},
			},
		},
	],
});
