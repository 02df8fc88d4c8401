import { defineOperationApi } from '@directus/extensions-sdk';

type Options = {
	order_id: string;
	reason?: 'damaged' | 'wrong_item' | 'changed_mind';
};

export default defineOperationApi<Options>({
	id: 'shiprelay-return-label',
	handler: async ({ order_id, reason }, { logger }) => {
		logger.info(`return label requested for order ${order_id} (${reason ?? 'no reason'})`);
		throw new Error('Return labels are not supported by this extension yet');
	},
});
