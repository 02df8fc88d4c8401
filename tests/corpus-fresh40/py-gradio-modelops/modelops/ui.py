from __future__ import annotations

import gradio as gr

from .handlers import Handlers

MODELS = ["llama-3.1-8b-instruct", "mistral-7b-instruct", "qwen2.5-14b"]
DATASET_HEADERS = ["id", "name", "owner", "visibility", "rows", "created"]
KEY_HEADERS = ["id", "label", "owner", "prefix", "revoked"]


def build_demo(handlers: Handlers) -> gr.Blocks:
    with gr.Blocks(title="ModelOps", analytics_enabled=False) as demo:
        gr.Markdown("# ModelOps\nPlayground, datasets and evaluations for the platform models.")
        history = gr.State([])

        with gr.Tab("Playground"):
            with gr.Row():
                model = gr.Dropdown(MODELS, value=MODELS[0], label="Model")
                temperature = gr.Slider(0.0, 2.0, value=0.7, step=0.1, label="Temperature")
            prompt = gr.Textbox(lines=6, label="Prompt")
            run = gr.Button("Generate", variant="primary")
            output = gr.Textbox(lines=10, label="Output", interactive=False)
            transcript = gr.JSON(label="This session")
            run.click(handlers.run_playground, inputs=[model, prompt, temperature, history], outputs=[output, history])
            history.change(lambda h: h, inputs=history, outputs=transcript)

        with gr.Tab("Datasets"):
            upload = gr.File(label="Dataset (.jsonl or .csv)", file_types=[".jsonl", ".csv"], type="filepath")
            with gr.Row():
                name = gr.Textbox(label="Name")
                visibility = gr.Radio(["team", "private"], value="team", label="Visibility")
            save = gr.Button("Upload")
            upload_status = gr.Markdown()
            table = gr.Dataframe(headers=DATASET_HEADERS, interactive=False)
            save.click(handlers.upload_dataset, inputs=[upload, name, visibility], outputs=[upload_status, table])
            demo.load(handlers.dataset_table, inputs=None, outputs=table)

        with gr.Tab("Evaluate"):
            with gr.Row():
                eval_dataset = gr.Number(label="Dataset id", precision=0)
                eval_model = gr.Dropdown(MODELS, value=MODELS[0], label="Model")
                eval_version = gr.Textbox(label="Model version", placeholder="e.g. 2025-02-14")
            start = gr.Button("Run evaluation", variant="primary")
            eval_result = gr.Markdown()
            start.click(handlers.run_eval, inputs=[eval_dataset, eval_model, eval_version], outputs=eval_result)

        with gr.Tab("Admin"):
            admin_status = gr.Markdown()
            with gr.Accordion("Datasets", open=False):
                delete_id = gr.Number(label="Dataset id", precision=0)
                delete = gr.Button("Delete dataset", variant="stop")
                delete.click(handlers.delete_dataset, inputs=delete_id, outputs=[admin_status, table])
            with gr.Accordion("API keys", open=True):
                keys = gr.Dataframe(headers=KEY_HEADERS, interactive=False)
                with gr.Row():
                    key_label = gr.Textbox(label="Label")
                    key_owner = gr.Textbox(label="Owner")
                    issue = gr.Button("Issue key")
                with gr.Row():
                    key_id = gr.Number(label="Key id", precision=0)
                    rotate = gr.Button("Rotate")
                    revoke = gr.Button("Revoke", variant="stop")
                issue.click(handlers.issue_api_key, inputs=[key_label, key_owner], outputs=[admin_status, keys])
                rotate.click(handlers.rotate_api_key, inputs=key_id, outputs=[admin_status, keys])
                revoke.click(handlers.revoke_api_key, inputs=key_id, outputs=[admin_status, keys])
                demo.load(handlers.key_table, inputs=None, outputs=keys)
            export = gr.Button("Export audit log")
            audit_file = gr.File(label="Audit export")
            export.click(handlers.export_audit, inputs=None, outputs=audit_file)

    return demo
