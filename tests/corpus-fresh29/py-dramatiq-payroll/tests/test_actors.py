from datetime import date
from unittest import mock

from payroll import actors, calc
from payroll.bank import PaymentReceipt


def assert_payslip(slip: calc.Payslip, *, gross: int, net: int):
    assert slip.gross == gross
    assert slip.net == net
    assert slip.tax >= 0 and slip.ni >= 0


def test_monthly_payslip_totals(employee):
    slip = calc.compute(employee, {"id": 3})
    assert_payslip(slip, gross=350_000, net=350_000 - slip.tax - slip.ni)


def test_compute_payslip_saves_totals(stub_broker, stub_worker, employee, mocker):
    mocker.patch.object(actors.db, "employee", return_value=employee)
    mocker.patch.object(actors.db, "period", return_value={"id": 3})
    save = mocker.patch.object(actors.db, "save_payslip", return_value=99)

    actors.compute_payslip.send(1, 3)
    stub_broker.join(actors.compute_payslip.queue_name)
    stub_worker.join()

    expected = calc.compute(employee, {"id": 3})
    save.assert_called_once_with(1, 3, expected.gross, expected.tax, expected.ni, expected.net)


def test_submit_payment_marks_payment_submitted(stub_broker, stub_worker, employee, mocker):
    mocker.patch.object(actors.db, "payslip", return_value={"employee_id": 1, "period_id": 3, "net_pence": 281_000})
    mocker.patch.object(actors.db, "employee", return_value=employee)
    mocker.patch.object(actors.db, "period", return_value={"pay_date": date(2024, 6, 28)})
    mark = mocker.patch.object(actors.db, "mark_payment")
    bank = mocker.patch.object(actors, "BankClient")
    bank.return_value.submit_payment.return_value = PaymentReceipt("MB-7781", "ACCEPTED")
    mocker.patch.object(actors.send_payslip, "send")

    actors.submit_payment.send(10, 55)
    stub_broker.join(actors.submit_payment.queue_name)
    stub_worker.join()

    mark.assert_called_once_with(10, "submitted", "MB-7781")


def test_reverse_payment_is_processed(stub_broker, stub_worker, mocker):
    mocker.patch.object(actors, "BankClient")
    actors.reverse_payment.send(5, "sent twice")
    stub_broker.join(actors.reverse_payment.queue_name)
    stub_worker.join()


def test_start_run_queues_one_payslip_per_employee(stub_broker, mocker):
    send = mocker.patch.object(actors.compute_payslip, "send")
    actors.start_run.fn(7, 3, [1, 2, 3], True)
    assert send.call_args_list == [mock.call(i, 3, include_bonus=True) for i in (1, 2, 3)]
