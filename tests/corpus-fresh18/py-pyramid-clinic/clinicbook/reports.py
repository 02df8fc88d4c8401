import io
import os
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas
from sqlalchemy import func, select

from .models import Appointment, Doctor, User

PDF_FONT = os.environ.get("CLINICBOOK_PDF_FONT", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
PDF_TEMPLATE_DIR = Path("/home/akhan/projects/clinicbook/templates/pdf")


def _for_clinic(query, clinic_id):
    return query.where(Appointment.clinic_id == clinic_id)


def daily_schedule(dbsession, clinic_id, day):
    query = (
        select(Appointment, Doctor.name, User.full_name)
        .join(Doctor, Doctor.id == Appointment.doctor_id)
        .join(User, User.id == Appointment.patient_user_id)
        .where(func.date(Appointment.starts_at) == day)
        .order_by(Doctor.name, Appointment.starts_at)
    )
    return [
        {
            "id": appt.id,
            "time": appt.starts_at.strftime("%H:%M"),
            "doctor": doctor_name,
            "patient": patient_name,
            "status": appt.status,
        }
        for appt, doctor_name, patient_name in dbsession.execute(query)
    ]


def no_show_rate(dbsession, clinic_id, since):
    base = _for_clinic(select(func.count(Appointment.id)), clinic_id).where(Appointment.starts_at >= since)
    total = dbsession.execute(base).scalar_one()
    missed = dbsession.execute(base.where(Appointment.status == "no_show")).scalar_one()
    return 0.0 if total == 0 else missed / total


def render_schedule_pdf(rows, title):
    pdfmetrics.registerFont(TTFont("Body", PDF_FONT))
    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pagesize=A4)
    width, height = A4

    logo = PDF_TEMPLATE_DIR / "letterhead.png"
    if logo.exists():
        pdf.drawImage(str(logo), 40, height - 90, width=160, height=50, preserveAspectRatio=True)

    pdf.setFont("Body", 14)
    pdf.drawString(40, height - 110, title)
    pdf.setFont("Body", 10)
    y = height - 140
    for row in rows:
        pdf.drawString(40, y, f"{row['time']}  {row['doctor']:<28} {row['patient']:<28} {row['status']}")
        y -= 16
        if y < 60:
            pdf.showPage()
            pdf.setFont("Body", 10)
            y = height - 60
    pdf.save()
    return buf.getvalue()
