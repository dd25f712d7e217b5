app_name = "competencies"

urlpatterns = []
